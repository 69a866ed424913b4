using SkiaSharp;

namespace DisTok.ML.Tests.Vision;

/// <summary>Small test images drawn with SkiaSharp (no data set needed).</summary>
internal static class SyntheticImages
{
    /// <summary>A PNG with a coloured circle and square on white.</summary>
    public static byte[] Png(int size = 64, SKColor? color = null, bool transparent = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
            using var paint = new SKPaint { Color = color ?? SKColors.OrangeRed, IsAntialias = true };
            canvas.DrawCircle(size * 0.4f, size * 0.45f, size * 0.3f, paint);
            paint.Color = SKColors.DarkGreen;
            canvas.DrawRect(size * 0.55f, size * 0.55f, size * 0.3f, size * 0.3f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>(size, size, 3) RGB bytes of <see cref="Png"/>.</summary>
    public static byte[] Rgb(int size = 64, SKColor? color = null) =>
        global::DisTok.ML.Imaging.RgbImage.DecodeToRgb(Png(size, color), size);
}
