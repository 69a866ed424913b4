using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

public class ImageAugmenterTests
{
    [Fact]
    public void Same_seed_gives_the_same_view_and_another_seed_another()
    {
        var rgb = SyntheticImages.Rgb();
        var o = new AugmentationOptions();
        var a = ImageAugmenter.Augment(rgb, 64, o, new Random(11));
        var b = ImageAugmenter.Augment(rgb, 64, o, new Random(11));
        var c = ImageAugmenter.Augment(rgb, 64, o, new Random(12));
        Assert.Equal(rgb.Length, a.Length);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Flip_twice_is_the_identity()
    {
        var rgb = SyntheticImages.Rgb();
        var once = ImageAugmenter.FlipHorizontal(rgb, 64);
        Assert.NotEqual(rgb, once);
        Assert.Equal(rgb, ImageAugmenter.FlipHorizontal(once, 64));
    }
}
