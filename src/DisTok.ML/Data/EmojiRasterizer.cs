using DisTok.ML.Imaging;
using SkiaSharp;
using Svg.Skia;

namespace DisTok.ML.Data;

/// <summary>Renders emoji artwork to size×size RGB on white: rasters resampled, SVGs drawn to fit; aspect kept, centred.</summary>
public static class EmojiRasterizer
{
    /// <summary>
    /// Decodes a PNG/WebP and resizes it: exact halvings (2×2 averages) while the image is at least
    /// twice the target, then one Mitchell cubic step, so large sources do not alias.
    /// </summary>
    public static byte[] RenderRaster(byte[] encoded, int size, string what)
    {
        using var bitmap = SKBitmap.Decode(encoded) ?? throw new InvalidDataException($"{what} is not a readable PNG or WebP image");
        var image = SKImage.FromBitmap(bitmap);
        try
        {
            while (image.Width >= 2 * size && image.Height >= 2 * size)
            {
                var half = Halve(image);
                image.Dispose();
                image = half;
            }
            return Draw(size, (canvas, box) =>
            {
                var dest = Fit(image.Width, image.Height, box);
                canvas.DrawImage(image, dest, new SKSamplingOptions(SKCubicResampler.Mitchell));
            });
        }
        finally
        {
            image.Dispose();
        }
    }

    /// <summary>Draws an SVG document scaled to fit (its declared size or view box).</summary>
    public static byte[] RenderSvg(string svgText, int size, string what)
    {
        using var svg = new SKSvg();
        var picture = svg.FromSvg(svgText) ?? throw new InvalidDataException($"{what} is not a readable SVG");
        var bounds = picture.CullRect;
        if (bounds.Width <= 0 || bounds.Height <= 0) throw new InvalidDataException($"{what} has an empty SVG size");
        return Draw(size, (canvas, box) =>
        {
            var dest = Fit(bounds.Width, bounds.Height, box);
            canvas.Translate(dest.Left, dest.Top);
            canvas.Scale(dest.Width / bounds.Width, dest.Height / bounds.Height);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
        });
    }

    /// <summary>Runs <paramref name="paint"/> on a white size×size canvas (transparent parts end up on white) and returns its RGB bytes.</summary>
    static byte[] Draw(int size, Action<SKCanvas, SKRect> paint)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            paint(canvas, SKRect.Create(size, size));
        }
        return RgbImage.ToRgb(bitmap);
    }

    /// <summary>The largest rectangle of the given aspect that fits in <paramref name="box"/>, centred.</summary>
    static SKRect Fit(float width, float height, SKRect box)
    {
        float scale = Math.Min(box.Width / width, box.Height / height);
        float w = width * scale, h = height * scale;
        return SKRect.Create(box.Left + (box.Width - w) / 2, box.Top + (box.Height - h) / 2, w, h);
    }

    static SKImage Halve(SKImage image)
    {
        var info = new SKImageInfo(image.Width / 2, image.Height / 2, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.Transparent);
        surface.Canvas.DrawImage(image, SKRect.Create(info.Width, info.Height), new SKSamplingOptions(SKFilterMode.Linear));
        return surface.Snapshot();
    }
}
