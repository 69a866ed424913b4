using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

public class OutlineRendererTests
{
    [Fact]
    public void Drawing_becomes_black_lines_on_white()
    {
        var lines = OutlineRenderer.Render(SyntheticImages.Rgb(), 64, edgeFraction: 0.1f);
        Assert.All(lines, v => Assert.True(v is 0 or 255));
        double black = lines.Count(v => v == 0) / (double)lines.Length;
        Assert.InRange(black, 0.03, 0.11);
    }

    [Fact]
    public void A_blank_image_stays_white()
    {
        var white = Enumerable.Repeat((byte)255, 64 * 64 * 3).ToArray();
        Assert.All(OutlineRenderer.Render(white, 64, 0.1f), v => Assert.Equal(255, v));
    }
}
