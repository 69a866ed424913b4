using DisTok.Core.Concepts;
using DisTok.ML.Vision;
using DisTok.ML.Vision.Cnn;
using static TorchSharp.torch;

namespace DisTok.ML.Tests.Vision.Cnn;

public class CnnLabelerFileTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("cnn-labeler-").FullName;
    static readonly CnnLabelerOptions Small = new(Stages: 1, InputSide: 32);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    ConceptNet NewNet()
    {
        manual_seed(4);
        var net = new ConceptNet(ConceptCatalog.Default.Count, Small.Stages, Small.InputSide);
        net.eval();
        return net;
    }

    [Fact]
    public void A_saved_labeler_loads_and_reads_an_image_as_before()
    {
        using var net = NewNet();
        CnnLabelerFile.Save(dir, net, Small, temperature: 0.7, "hash", 506, "test", new() { ["heldout_top1_mean"] = 0.5 });
        using var loaded = SoftLabeler.Load(dir);
        using var inMemory = new SoftLabeler(net, 0.7, flipTestTime: true);
        var png = SyntheticImages.Png();
        var p = loaded.Classify(png);
        Assert.Equal(60, p.Length);
        Assert.Equal(1.0, p.Sum(), 4);
        Assert.Equal(inMemory.Classify(png), p, (a, b) => Math.Abs(a - b) < 2e-3f); // float16 weights on disk
        Assert.NotNull(loaded.WeightsSha256);
        Assert.Equal(0.5, loaded.NetworkManifest!.Metrics["heldout_top1_mean"]);
    }

    [Fact]
    public void Altered_or_missing_weights_are_refused_with_the_reason()
    {
        using var net = NewNet();
        CnnLabelerFile.Save(dir, net, Small, 1.0, "hash", 1, "distok backbone train --part labeler", new());
        var weights = Path.Combine(dir, CnnLabelerManifest.WeightsFileName);
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(weights, bytes);
        Assert.Contains("sha256", Assert.Throws<InvalidDataException>(() => SoftLabeler.Load(dir)).Message);
        File.Delete(weights);
        Assert.Throws<FileNotFoundException>(() => SoftLabeler.Load(dir));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{ \"format\": \"distok-labeler-cnn/1\", ");
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => SoftLabeler.Load(dir)).Message);
    }
}
