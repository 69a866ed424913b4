using SkiaSharp;

namespace DisTok.ML.Imaging;

/// <summary>Conversions between encoded images and (H, W, 3) RGB byte arrays on a white background.</summary>
public static class RgbImage
{
    /// <summary>
    /// Decodes PNG/WebP/JPEG bytes, composites transparency onto white, and resizes to size×size
    /// (aspect kept, centred). Throws <see cref="InvalidDataException"/> for unreadable bytes.
    /// </summary>
    public static byte[] DecodeToRgb(byte[] encoded, int size, string what = "image")
    {
        // SkiaSharp 4 throws ArgumentNullException from SKBitmap.Decode when no codec recognises the bytes,
        // so find the codec first and turn every failure into the documented InvalidDataException.
        var unreadable = $"{what} is not a readable image (PNG, WebP or JPEG)";
        if (encoded.Length == 0) throw new InvalidDataException(unreadable);
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException(unreadable);
        using var bitmap = SKBitmap.Decode(codec) ?? throw new InvalidDataException(unreadable);
        using var canvasBitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(canvasBitmap))
        {
            canvas.Clear(SKColors.White);
            float scale = Math.Min((float)size / bitmap.Width, (float)size / bitmap.Height);
            float w = bitmap.Width * scale, h = bitmap.Height * scale;
            var dest = SKRect.Create((size - w) / 2, (size - h) / 2, w, h);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, dest, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        return ToRgb(canvasBitmap);
    }

    /// <summary>Opaque RGBA bitmap → (H, W, 3) bytes.</summary>
    public static byte[] ToRgb(SKBitmap bitmap)
    {
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        int i = 0;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                rgb[i++] = c.Red; rgb[i++] = c.Green; rgb[i++] = c.Blue;
            }
        return rgb;
    }

    /// <summary>(H, W, 3) bytes → PNG bytes.</summary>
    public static byte[] EncodePng(byte[] rgb, int width, int height)
    {
        if (rgb.Length != width * height * 3) throw new ArgumentException($"expected {width * height * 3} bytes for {width}×{height} RGB, got {rgb.Length}");
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0, i = 0; y < height; y++)
            for (int x = 0; x < width; x++, i += 3)
                bitmap.SetPixel(x, y, new SKColor(rgb[i], rgb[i + 1], rgb[i + 2]));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
