using DisTok.ML.Vision;
using SkiaSharp;

namespace DisTok.ML.Tests.Vision;

public class ResNet18FeaturizerTests(FeaturizerFixture fixture) : IClassFixture<FeaturizerFixture>
{
    [Fact]
    public void Features_have_896_finite_non_negative_values()
    {
        var f = fixture.Featurizer.Featurize(SyntheticImages.Rgb(), 64);
        Assert.Equal(ResNet18Featurizer.FeatureSize, f.Length);
        Assert.All(f, v => Assert.True(float.IsFinite(v) && v >= 0, $"feature {v}"));
        Assert.True(f.Sum() > 0);
    }

    [Fact]
    public void Features_are_deterministic_and_depend_on_the_image()
    {
        var a = fixture.Featurizer.Featurize(SyntheticImages.Rgb(), 64);
        var b = fixture.Featurizer.Featurize(SyntheticImages.Rgb(), 64);
        var c = fixture.Featurizer.Featurize(SyntheticImages.Rgb(color: SKColors.RoyalBlue), 64);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Batch_matches_single_images()
    {
        var images = new[] { SyntheticImages.Rgb(), SyntheticImages.Rgb(color: SKColors.Gold) };
        var batch = fixture.Featurizer.Featurize(images, 64);
        Assert.Equal(2, batch.Length);
        Assert.Equal(fixture.Featurizer.Featurize(images[1], 64), batch[1]);
    }

    [Fact]
    public void Wrong_pixel_count_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => fixture.Featurizer.Featurize(new byte[10], 64));
    }

    [Fact]
    public void Missing_model_files_give_a_clear_error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new ResNet18Featurizer(ResNet18ModelFiles.In(Path.Combine(Path.GetTempPath(), "no-such-models"))));
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", e.Message);
    }
}
