namespace DisTok.ML.Vision;

/// <summary>
/// Turns a colour drawing into black line art on white (like the high-contrast emoji renderings): Sobel
/// gradient magnitude, taken as the maximum over the R, G and B channels so colour borders of equal
/// brightness count; the strongest <c>edgeFraction</c> of the pixels become black (an adaptive threshold,
/// so pale drawings and shaded ones both give lines of a similar weight).
/// </summary>
public static class OutlineRenderer
{
    /// <summary>Gradients below this (on the 0–1020 Sobel scale) are never edges, so flat images stay white.</summary>
    const float MinimumMagnitude = 40f;

    /// <summary>rgb: (size, size, 3) → (size, size, 3) black edges on white.</summary>
    /// <param name="edgeFraction">Share of pixels drawn black, e.g. 0.1.</param>
    public static byte[] Render(byte[] rgb, int size, float edgeFraction)
    {
        var magnitude = new float[size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                float best = 0;
                for (int c = 0; c < 3; c++)
                {
                    float P(int dx, int dy) => rgb[(Math.Clamp(y + dy, 0, size - 1) * size + Math.Clamp(x + dx, 0, size - 1)) * 3 + c];
                    float gx = P(1, -1) + 2 * P(1, 0) + P(1, 1) - P(-1, -1) - 2 * P(-1, 0) - P(-1, 1);
                    float gy = P(-1, 1) + 2 * P(0, 1) + P(1, 1) - P(-1, -1) - 2 * P(0, -1) - P(1, -1);
                    best = MathF.Max(best, MathF.Sqrt(gx * gx + gy * gy));
                }
                magnitude[y * size + x] = best;
            }
        var sorted = (float[])magnitude.Clone();
        Array.Sort(sorted);
        int rank = Math.Clamp((int)((1 - edgeFraction) * sorted.Length), 0, sorted.Length - 1);
        float threshold = MathF.Max(sorted[rank], MinimumMagnitude);
        var result = new byte[rgb.Length];
        for (int i = 0; i < magnitude.Length; i++)
        {
            byte v = magnitude[i] > threshold ? (byte)0 : (byte)255;
            result[3 * i] = result[3 * i + 1] = result[3 * i + 2] = v;
        }
        return result;
    }
}
