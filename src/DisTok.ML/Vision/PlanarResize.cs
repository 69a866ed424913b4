using SkiaSharp;

namespace DisTok.ML.Vision;

/// <summary>Interleaved RGB bytes → planar float channels, resized, as the ResNet preprocessing graph expects.</summary>
public static class PlanarResize
{
    /// <summary>
    /// rgb: (H, W, 3) bytes with H = W = <paramref name="size"/> → (3, target, target) floats in 0–255,
    /// resized with a bilinear filter, written into <paramref name="destination"/>.
    /// </summary>
    public static void ToPlanar(byte[] rgb, int size, int target, Span<float> destination)
    {
        if (rgb.Length != size * size * 3) throw new ArgumentException($"expected {size * size * 3} RGB bytes for {size}×{size}, got {rgb.Length}", nameof(rgb));
        if (destination.Length != 3 * target * target) throw new ArgumentException($"destination must hold 3×{target}×{target} floats", nameof(destination));
        using var source = ToBitmap(rgb, size);
        using var resized = new SKBitmap(new SKImageInfo(target, target, SKColorType.Rgba8888, SKAlphaType.Opaque));
        if (size == target) source.CopyTo(resized);
        else if (!source.ScalePixels(resized, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)))
            throw new InvalidOperationException("image resize failed");
        var pixels = resized.GetPixelSpan(); // (target, target, 4) RGBA
        int plane = target * target;
        for (int i = 0; i < plane; i++)
        {
            destination[i] = pixels[4 * i];
            destination[plane + i] = pixels[4 * i + 1];
            destination[2 * plane + i] = pixels[4 * i + 2];
        }
    }

    /// <summary>(size, size, 3) bytes → an opaque RGBA bitmap (caller disposes).</summary>
    public static SKBitmap ToBitmap(byte[] rgb, int size)
    {
        var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        for (int i = 0, n = size * size; i < n; i++)
        {
            pixels[4 * i] = rgb[3 * i];
            pixels[4 * i + 1] = rgb[3 * i + 1];
            pixels[4 * i + 2] = rgb[3 * i + 2];
            pixels[4 * i + 3] = 255;
        }
        return bitmap;
    }
}
