using SkiaSharp;

namespace DisTok.ML.Vision;

/// <summary>
/// Deterministic augmentations of a square RGB image on white: geometry (scale, rotation, shift, flip),
/// blur / low resolution, then colour (brightness, contrast, saturation, grayscale).
/// </summary>
public static class ImageAugmenter
{
    /// <summary>rgb: (size, size, 3) → horizontally mirrored copy.</summary>
    public static byte[] FlipHorizontal(byte[] rgb, int size)
    {
        var result = new byte[rgb.Length];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                for (int c = 0; c < 3; c++)
                    result[(y * size + x) * 3 + c] = rgb[(y * size + size - 1 - x) * 3 + c];
        return result;
    }

    /// <summary>rgb: (size, size, 3) → a randomly changed copy of the same shape; same <paramref name="random"/> state, same result.</summary>
    public static byte[] Augment(byte[] rgb, int size, AugmentationOptions o, Random random)
    {
        float U(float lo, float hi) => lo + (float)random.NextDouble() * (hi - lo);
        bool Chance(float p) => random.NextDouble() < p;

        float scale = U(o.MinScale, o.MaxScale);
        float angle = U(-o.MaxRotationDegrees, o.MaxRotationDegrees);
        float dx = U(-o.MaxShiftFraction, o.MaxShiftFraction) * size, dy = U(-o.MaxShiftFraction, o.MaxShiftFraction) * size;
        bool flip = Chance(o.FlipProbability);
        bool blur = Chance(o.BlurProbability);
        float sigma = U(0.4f, o.MaxBlurSigma);
        bool lowRes = Chance(o.LowResProbability);
        int lowSide = random.Next(24, 41);
        float brightness = U(1 - o.Brightness, 1 + o.Brightness);
        float contrast = U(1 - o.Contrast, 1 + o.Contrast);
        float saturation = Chance(o.GrayscaleProbability) ? 0f : U(1 - o.Saturation, 1 + o.Saturation);
        float noise = o.NoiseProbability > 0 && Chance(o.NoiseProbability) ? U(0, o.MaxNoise) : 0f;

        using var source = PlanarResize.ToBitmap(rgb, size);
        using var image = SKImage.FromBitmap(source);
        using var target = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            float c = size / 2f;
            canvas.Translate(c + dx, c + dy);
            canvas.RotateDegrees(angle);
            canvas.Scale(flip ? -scale : scale, scale);
            canvas.Translate(-c, -c);
            using var paint = new SKPaint();
            if (blur) paint.ImageFilter = SKImageFilter.CreateBlur(sigma, sigma);
            canvas.DrawImage(image, SKRect.Create(0, 0, size, size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), paint);
        }
        var result = lowRes ? Resample(target, size, lowSide) : RgbFromBitmap(target);
        ApplyColour(result, brightness, contrast, saturation);
        if (noise > 0) AddNoise(result, noise, random);
        return result;
    }

    /// <summary>Down to <paramref name="low"/> pixels and back up to <paramref name="size"/>, bilinear both ways.</summary>
    static byte[] Resample(SKBitmap bitmap, int size, int low)
    {
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
        using var small = new SKBitmap(new SKImageInfo(low, low, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.ScalePixels(small, sampling);
        using var back = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        small.ScalePixels(back, sampling);
        return RgbFromBitmap(back);
    }

    static byte[] RgbFromBitmap(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan(); // (H, W, 4) RGBA
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int i = 0, n = bitmap.Width * bitmap.Height; i < n; i++)
        {
            rgb[3 * i] = pixels[4 * i];
            rgb[3 * i + 1] = pixels[4 * i + 1];
            rgb[3 * i + 2] = pixels[4 * i + 2];
        }
        return rgb;
    }

    /// <summary>In place on (H, W, 3): adds N(0, σ²) to every value (Box–Muller), clamped to 0–255.</summary>
    static void AddNoise(byte[] rgb, float sigma, Random random)
    {
        for (int i = 0; i < rgb.Length; i++)
        {
            double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            rgb[i] = (byte)Math.Clamp(Math.Round(rgb[i] + sigma * z), 0, 255);
        }
    }

    /// <summary>In place on (H, W, 3): saturation around the pixel's luma, contrast around mid-grey, then brightness.</summary>
    static void ApplyColour(byte[] rgb, float brightness, float contrast, float saturation)
    {
        for (int i = 0; i < rgb.Length; i += 3)
        {
            float r = rgb[i], g = rgb[i + 1], b = rgb[i + 2];
            float luma = 0.299f * r + 0.587f * g + 0.114f * b;
            for (int c = 0; c < 3; c++)
            {
                float v = rgb[i + c];
                v = luma + (v - luma) * saturation;
                v = 128f + (v - 128f) * contrast;
                v *= brightness;
                rgb[i + c] = (byte)Math.Clamp(MathF.Round(v), 0f, 255f);
            }
        }
    }
}
