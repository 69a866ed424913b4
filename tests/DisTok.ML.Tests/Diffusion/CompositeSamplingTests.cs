using DisTok.Core.Backbone;
using DisTok.ML.Diffusion.Hybrids;
using DisTok.ML.Diffusion.Models;
using DisTok.ML.Diffusion.Pipelines;
using static TorchSharp.torch;

namespace DisTok.ML.Tests.Diffusion;

/// <summary>Composable sampling and condition switches on a tiny untrained denoiser.</summary>
public class CompositeSamplingTests : IDisposable
{
    static readonly UNetConfig Tiny = new(ImageSize: 16, PatchSize: 2, Channels: [16, 32], ConditionDim: 8, EmbedDim: 16, Groups: 4);
    readonly TextToImagePipeline pipeline;
    static readonly float[] A = [1, 0, 0, 0, 0, 0, 0, 0.5f], B = [0, -1, 0, 0.3f, 0, 0, 1, 0];

    public CompositeSamplingTests()
    {
        manual_seed(7);
        var model = new DiffusionUNet(Tiny);
        using (no_grad()) // an untrained model starts blind to its condition (zero-initialised layers); shake it so conditions matter
            foreach (var p in model.parameters()) p.add_(randn_like(p) * 0.2);
        pipeline = new TextToImagePipeline(new FixedEncoder(), model, defaultSteps: 4);
    }

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public void One_condition_at_weight_one_is_plain_classifier_free_guidance()
    {
        var plain = pipeline.GenerateFromEmbedding(A, seed: 3).Png;
        var composite = pipeline.GenerateComposite([A], _ => [1f], seed: 3).Png;
        Assert.Equal(plain, composite);
    }

    [Fact]
    public void A_condition_at_weight_zero_is_left_out()
    {
        var plain = pipeline.GenerateFromEmbedding(A, seed: 5).Png;
        Assert.Equal(plain, pipeline.GenerateComposite([A, B], _ => [1f, 0f], seed: 5).Png);
        Assert.NotEqual(plain, pipeline.GenerateComposite([A, B], _ => [0.5f, 0.5f], seed: 5).Png);
    }

    [Fact]
    public void A_switch_takes_the_first_condition_then_the_second()
    {
        var e = new HybridEntry("x.png", "pig", "sheep", 0.3f, HybridMethod.Switch, 1);
        Assert.Equal([1f, 0f], HybridSetBuilder.WeightsAt(e, 5, 20));
        Assert.Equal([0f, 1f], HybridSetBuilder.WeightsAt(e, 6, 20));
        var c = e with { Method = HybridMethod.Composable, WeightA = 0.65f };
        Assert.Equal([0.65f, 1f - 0.65f], HybridSetBuilder.WeightsAt(c, 0, 20));
        // a switch after every step is condition A alone
        var allA = pipeline.GenerateComposite([A, B], i => HybridSetBuilder.WeightsAt(e with { WeightA = 0.99f }, i, 4), seed: 2, steps: 4).Png;
        Assert.Equal(pipeline.GenerateFromEmbedding(A, seed: 2, steps: 4).Png, allA);
    }

    [Fact]
    public void Bad_conditions_are_refused_with_the_reason()
    {
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => pipeline.GenerateComposite([], _ => [], 1)).Message);
        Assert.Contains("8 values", Assert.Throws<ArgumentException>(() => pipeline.GenerateComposite([new float[3]], _ => [1f], 1)).Message);
        Assert.Contains("weights", Assert.Throws<ArgumentException>(() => pipeline.GenerateComposite([A, B], _ => [1f], 1)).Message);
    }

    [Fact]
    public void A_layout_steers_the_image_and_is_repeatable()
    {
        var red = Solid(16, 230, 20, 20);
        var blue = Solid(16, 20, 20, 230);
        var plain = pipeline.GenerateComposite([A], _ => [1f], seed: 4).Png;
        var fromRed = pipeline.GenerateComposite([A], _ => [1f], seed: 4, layout: new LayoutGuide(red, KMax: 0.75, KMin: 0.25, Nu: 0.5f)).Png;
        Assert.Equal(fromRed, pipeline.GenerateComposite([A], _ => [1f], seed: 4, layout: new LayoutGuide(red, KMax: 0.75, KMin: 0.25, Nu: 0.5f)).Png);
        Assert.NotEqual(plain, fromRed);
        Assert.NotEqual(fromRed, pipeline.GenerateComposite([A], _ => [1f], seed: 4, layout: new LayoutGuide(blue, KMax: 0.75, KMin: 0.25, Nu: 0.5f)).Png);
    }

    [Fact]
    public void A_bad_layout_is_refused_with_the_reason()
    {
        Assert.Contains("16×16", Assert.Throws<ArgumentException>(() =>
            pipeline.GenerateComposite([A], _ => [1f], 1, layout: new LayoutGuide(new byte[10], 0.5))).Message);
        Assert.Contains("k_max", Assert.Throws<ArgumentException>(() =>
            pipeline.GenerateComposite([A], _ => [1f], 1, layout: new LayoutGuide(Solid(16, 0, 0, 0), 1.5))).Message);
        Assert.Contains("k_min", Assert.Throws<ArgumentException>(() =>
            pipeline.GenerateComposite([A], _ => [1f], 1, layout: new LayoutGuide(Solid(16, 0, 0, 0), 0.5, KMin: 0.6))).Message);
    }

    static byte[] Solid(int size, byte r, byte g, byte b) =>
        Enumerable.Range(0, size * size).SelectMany(_ => new[] { r, g, b }).ToArray();

    /// <summary>The pipeline needs an encoder of the model's width; these tests pass conditions directly.</summary>
    sealed class FixedEncoder : ITextEncoder
    {
        public int Dimension => 8;
        public float[] Encode(string prompt) => new float[8];
        public float[] EncodeWithToken(string template, float[] token) => new float[8];
    }
}
