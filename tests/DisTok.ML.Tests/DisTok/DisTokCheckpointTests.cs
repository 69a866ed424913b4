using System.Text.Json.Nodes;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.ML.DisTok;
using DisTok.ML.ModelFiles;

namespace DisTok.ML.Tests.DisTok;

/// <summary>Checkpoints of a tiny DisTok (d = 3, ω = 2): round trip, atomicity, tamper detection, deterministic inference.</summary>
public class DisTokCheckpointTests : IDisposable
{
    static readonly string[] Names = ["pig", "sheep", "snake"];
    readonly string dir = Directory.CreateTempSubdirectory("distok-ckpt-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static ConceptPool Pool() => new(Names.Select((n, i) =>
        new PoolEntry(n, Enumerable.Range(0, 3).Select(j => j == i ? 1f : 0f).ToArray(), new Dictionary<string, double> { [n] = 1 })));

    static ModelManifest Save(string dir, int step, Action? beforeManifest = null)
    {
        TorchSharp.torch.manual_seed(step);
        using var network = new DisTokNetwork(new DisTokConfig(TokenDim: 3, Hidden: 8, Latent: 2));
        return DisTokCheckpoint.Save(dir, network, Pool(), new JsonObject(), "data", "test", step, new JsonObject(), beforeManifest);
    }

    static ConceptDistribution PigSheep => ConceptDistribution.Create(
        [KeyValuePair.Create("pig", 0.55), KeyValuePair.Create("sheep", 0.45)], n => Names.Contains(n) ? n : null, 3);

    [Fact]
    public void A_saved_model_loads_and_gives_the_same_token_every_time()
    {
        Save(dir, 1);
        using var model = DisTokModel.Load(dir);
        var a = model.TokenFor(PigSheep);
        Assert.Equal(3, a.Vector.Length);
        Assert.Equal(a.Vector, model.TokenFor(PigSheep).Vector);
        Assert.Equal(model.TokenFromPrior(PriorKind.Cauchy, 5, 0.7).Vector, model.TokenFromPrior(PriorKind.Cauchy, 5, 0.7).Vector);
        using var again = DisTokModel.Load(dir);
        Assert.Equal(a.Vector, again.TokenFor(PigSheep).Vector);
        Assert.Equal("distribution", a.Source.Kind);
        Assert.Equal(model.Stamp.Sha256, a.Model.Sha256);
    }

    [Fact]
    public void A_run_killed_before_the_manifest_leaves_the_old_model_loadable()
    {
        var first = Save(dir, 1);
        using (var before = DisTokModel.Load(dir)) { }
        Assert.Throws<IOException>(() => Save(dir, 2, () => throw new IOException("killed")));
        // a half-written weights file from an even later kill changes nothing either
        File.WriteAllBytes(Path.Combine(dir, "model-0000003.bin"), [1, 2, 3]);
        using var model = DisTokModel.Load(dir);
        Assert.Equal(1, model.Manifest.Step);
        Assert.Equal(first.Sha256, model.Stamp.Sha256);
    }

    [Fact]
    public void Old_files_are_removed_once_the_new_manifest_is_written()
    {
        Save(dir, 1);
        Save(dir, 2);
        Assert.Equal(["model-0000002.bin"], Directory.GetFiles(dir, "model-*.bin").Select(Path.GetFileName));
        Assert.Equal(["pool-0000002.json"], Directory.GetFiles(dir, "pool-*.json").Select(Path.GetFileName));
    }

    [Fact]
    public void An_altered_pool_is_refused_with_a_clear_message()
    {
        Save(dir, 1);
        File.AppendAllText(Path.Combine(dir, "pool-0000001.json"), " ");
        var e = Assert.Throws<InvalidDataException>(() => DisTokModel.Load(dir));
        Assert.Contains("does not match its manifest", e.Message);
    }

    [Fact]
    public void Morph_ends_at_both_latents()
    {
        Save(dir, 1);
        using var model = DisTokModel.Load(dir);
        var from = model.Latent(PigSheep);
        var to = PriorSampler.Sample(PriorKind.Gaussian, 3, 2, 1.0);
        var strip = model.Morph(from, to, 5);
        Assert.Equal(5, strip.Count);
        Assert.Equal(model.Decode(from), strip[0]);
        Assert.Equal(model.Decode(to), strip[4]);
        Assert.Throws<ArgumentException>(() => model.Morph(from, to, 1));
    }
}
