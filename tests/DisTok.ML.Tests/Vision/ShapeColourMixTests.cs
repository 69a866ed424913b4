using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

public class ShapeColourMixTests
{
    static byte[] Image(params (byte R, byte G, byte B)[] pixels) => pixels.SelectMany(p => new[] { p.R, p.G, p.B }).ToArray();
    static readonly (byte, byte, byte) White = (255, 255, 255);

    [Fact]
    public void The_shapes_pixels_take_the_colours_of_the_same_luminance_rank_and_white_stays_white()
    {
        var shape = Image(White, (50, 50, 50), (150, 150, 150), White);  // dark then mid grey
        var colour = Image((200, 0, 0), White, White, (0, 0, 100));       // red (luma 59,800) and dark blue (11,400)
        var mixed = ShapeColourMix.Recolour(shape, colour, 2);
        Assert.Equal(Image(White, (0, 0, 100), (200, 0, 0), White), mixed); // darkest ← darkest, lighter ← lighter
    }

    [Fact]
    public void An_image_without_foreground_leaves_the_shape_as_it_is()
    {
        var shape = Image(White, (50, 50, 50), White, White);
        Assert.Equal(shape, ShapeColourMix.Recolour(shape, Image(White, White, White, White), 2));
        Assert.Throws<ArgumentException>(() => ShapeColourMix.Recolour(shape, new byte[3], 2));
    }
}
