using System.Text;
using DisTok.ML.Data;

namespace DisTok.ML.Tests.Data;

public class IconifyIconSetTests
{
    static IconifyIconSet Set(string json) => IconifyIconSet.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Size_defaults_to_16_without_root_or_icon_size()
    {
        var svg = Set("""{"icons":{"a":{"body":"<path d='M0 0h1'/>"}}}""").GetSvg("a");

        Assert.Contains("viewBox=\"0 0 16 16\"", svg);
        Assert.Contains("<path d='M0 0h1'/>", svg);
    }

    [Fact]
    public void Icon_size_overrides_root_size()
    {
        var set = Set("""{"width":512,"height":512,"icons":{"a":{"body":"x"},"b":{"body":"y","width":600,"left":-44}}}""");

        Assert.Contains("viewBox=\"0 0 512 512\"", set.GetSvg("a"));
        Assert.Contains("viewBox=\"-44 0 600 512\"", set.GetSvg("b"));
    }

    [Fact]
    public void Aliases_resolve_to_their_parent_body()
    {
        var set = Set("""{"width":128,"height":128,"icons":{"lion":{"body":"L"}},"aliases":{"lion-face":{"parent":"lion"},"big-cat":{"parent":"lion-face","hFlip":true}}}""");

        Assert.True(set.Contains("lion-face"));
        Assert.Equal(set.GetSvg("lion"), set.GetSvg("lion-face"));
        Assert.Contains("scale(-1 1)", set.GetSvg("big-cat"));
        Assert.Null(set.GetSvg("tiger"));
        Assert.False(set.Contains("tiger"));
    }

    [Fact]
    public void Renders_to_64x64_rgb()
    {
        var svg = Set("""{"width":10,"height":10,"icons":{"sq":{"body":"<rect x='2' y='2' width='6' height='6' fill='#ff0000'/>"}}}""").GetSvg("sq")!;

        var rgb = EmojiRasterizer.RenderSvg(svg, 64, "square");

        Assert.Equal((255, 255, 255), (rgb[0], rgb[1], rgb[2]));
        int centre = (32 * 64 + 32) * 3;
        Assert.Equal((255, 0, 0), (rgb[centre], rgb[centre + 1], rgb[centre + 2]));
    }
}
