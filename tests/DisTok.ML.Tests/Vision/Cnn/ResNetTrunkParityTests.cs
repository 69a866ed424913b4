using DisTok.ML.Vision;
using DisTok.ML.Vision.Cnn;
using static TorchSharp.torch;

namespace DisTok.ML.Tests.Vision.Cnn;

public class ResNetTrunkParityTests(FeaturizerFixture fixture) : IClassFixture<FeaturizerFixture>
{
    /// <summary>Stages kept → where ResNet18Featurizer puts the same activations' spatial means in its feature vector.</summary>
    [Theory]
    [InlineData(2, 768, 128)] // ReLU315_Output_0
    [InlineData(3, 512, 256)] // ReLU347_Output_0
    [InlineData(4, 0, 512)]   // the pooled output
    public void The_TorchSharp_trunk_with_the_onnx_weights_computes_what_ResNet18_onnx_computes(int stages, int offset, int length)
    {
        var rgb = SyntheticImages.Rgb();
        var expected = fixture.Featurizer.Featurize(rgb, 64).AsSpan(offset, length).ToArray();

        using var net = new ConceptNet(classes: 60, stages, inputSide: ResNet18Featurizer.InputSide);
        net.LoadImageNet(File.ReadAllBytes(ResNet18ModelFiles.In().Network));
        net.eval();
        var planar = new float[3 * 224 * 224]; // the featurizer's own 64 → 224 resize, as (1, 3, 224, 224) in [-1, 1]
        PlanarResize.ToPlanar(rgb, 64, 224, planar);
        using var _ = no_grad();
        using var x = tensor(planar).reshape(1, 3, 224, 224).div(127.5).sub(1);
        using var features = net.Features(x);
        var actual = features.data<float>().ToArray();

        Assert.Equal(length, actual.Length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < length; i++) { dot += actual[i] * expected[i]; na += actual[i] * actual[i]; nb += expected[i] * expected[i]; }
        // the export subtracts a per-pixel mean image, the trunk its per-channel mean: a few grey levels apart
        Assert.True(dot / Math.Sqrt(na * nb) > 0.999, $"cosine {dot / Math.Sqrt(na * nb):F5}");
        Assert.InRange(Math.Sqrt(na / nb), 0.99, 1.01);
    }

    [Fact]
    public void A_graph_that_is_not_ResNet18_is_refused_with_the_reason()
    {
        using var net = new ConceptNet(classes: 60, stages: 4, inputSide: 64);
        var error = Assert.ThrowsAny<Exception>(() => net.LoadImageNet(File.ReadAllBytes(ResNet18ModelFiles.In().Preprocess)));
        Assert.Contains("ResNet18.onnx", error.Message);
    }
}
