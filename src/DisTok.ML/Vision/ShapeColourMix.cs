namespace DisTok.ML.Vision;

/// <summary>
/// A shape–colour mix of two real images on white: the first image's drawing (silhouette and shading) painted in
/// the second's colours. Foreground pixels of both are ranked by luminance and the k-th darkest pixel of the shape
/// takes the colour of the pixel at the same rank in the colour image (a luminance-ordered palette transfer), so
/// light and dark stay where the shape has them. The labeler learns such an image as half one concept, half the
/// other, the way a person calls a frog in a penguin's colours a frog–penguin.
/// </summary>
public static class ShapeColourMix
{
    /// <summary>A pixel counts as background when every channel is within this of white.</summary>
    public const int WhiteTolerance = 24;

    /// <summary>(size, size, 3) RGB on white, twice → the shape image recoloured; the shape image itself when either has no foreground.</summary>
    public static byte[] Recolour(byte[] shape, byte[] colour, int size)
    {
        int n = size * size;
        if (shape.Length != n * 3 || colour.Length != n * 3) throw new ArgumentException($"both images must be {size}×{size} RGB");
        var target = Foreground(shape, n);
        var source = Foreground(colour, n);
        if (target.Length == 0 || source.Length == 0) return (byte[])shape.Clone();
        Array.Sort(target, (a, b) => Luma(shape, a).CompareTo(Luma(shape, b)));
        Array.Sort(source, (a, b) => Luma(colour, a).CompareTo(Luma(colour, b)));
        var result = (byte[])shape.Clone();
        for (int k = 0; k < target.Length; k++)
        {
            int from = source[(int)((long)k * source.Length / target.Length)], to = target[k];
            result[3 * to] = colour[3 * from];
            result[3 * to + 1] = colour[3 * from + 1];
            result[3 * to + 2] = colour[3 * from + 2];
        }
        return result;
    }

    static int[] Foreground(byte[] rgb, int n) =>
        Enumerable.Range(0, n).Where(i => rgb[3 * i] < 255 - WhiteTolerance || rgb[3 * i + 1] < 255 - WhiteTolerance || rgb[3 * i + 2] < 255 - WhiteTolerance).ToArray();

    static int Luma(byte[] rgb, int i) => 299 * rgb[3 * i] + 587 * rgb[3 * i + 1] + 114 * rgb[3 * i + 2];
}
