using static TorchSharp.torch;

namespace DisTok.ML.Vision.Cnn;

/// <summary>
/// Mixes of real images with soft targets in proportion: MixUp (Zhang et al. 2018, a weighted pixel average) and
/// CutMix (Yun et al. 2019, a box of one image pasted into another; the target follows the box's area). The labeler
/// learns from them that an image partly of A and partly of B reads as partly A and partly B.
/// </summary>
public static class SoftMixes
{
    /// <summary>
    /// Smoothed two-class targets: row i gives <paramref name="weightA"/>[i] to class a[i] and the rest to b[i] (a plain
    /// label is a[i] = b[i] or weight 1), then 1 − ε of that plus ε/K on every class. (B, K).
    /// </summary>
    public static Tensor Targets(long[] a, long[] b, float[] weightA, int classes, float smoothing)
    {
        using var scope = NewDisposeScope();
        var wa = tensor(weightA).unsqueeze(1);
        var y = nn.functional.one_hot(tensor(a), classes).to_type(ScalarType.Float32) * wa
              + nn.functional.one_hot(tensor(b), classes).to_type(ScalarType.Float32) * (1 - wa);
        return (y * (1 - smoothing) + smoothing / classes).MoveToOuterDisposeScope();
    }

    /// <summary>x: (B, 3, H, W), y: (B, K); row i becomes λ·row i + (1 − λ)·row perm[i], images and targets alike.</summary>
    public static (Tensor X, Tensor Y) MixUp(Tensor x, Tensor y, long[] perm, float lambda)
    {
        using var scope = NewDisposeScope();
        var p = tensor(perm);
        var mx = x * lambda + x.index_select(0, p) * (1 - lambda);
        var my = y * lambda + y.index_select(0, p) * (1 - lambda);
        return (mx.MoveToOuterDisposeScope(), my.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Pastes the box (top, left, height, width) of image perm[i] into image i; targets mix by area:
    /// λ = 1 − box area / image area for image i's own class. Returns the images, targets and λ.
    /// </summary>
    public static (Tensor X, Tensor Y, float Lambda) CutMix(Tensor x, Tensor y, long[] perm, int top, int left, int height, int width)
    {
        using var scope = NewDisposeScope();
        long h = x.shape[2], w = x.shape[3];
        if (top < 0 || left < 0 || height < 0 || width < 0 || top + height > h || left + width > w)
            throw new ArgumentOutOfRangeException(nameof(top), $"box ({top}, {left}, {height}, {width}) is outside a {h}×{w} image");
        var mask = zeros(1, 1, h, w);
        mask[.., .., TensorIndex.Slice(top, top + height), TensorIndex.Slice(left, left + width)] = 1;
        var p = tensor(perm);
        var mx = x * (1 - mask) + x.index_select(0, p) * mask;
        float lambda = 1f - (float)(height * width) / (h * w);
        var my = y * lambda + y.index_select(0, p) * (1 - lambda);
        return (mx.MoveToOuterDisposeScope(), my.MoveToOuterDisposeScope(), lambda);
    }

    /// <summary>A CutMix box whose area is about 1 − λ of the image, centred uniformly and clipped to it.</summary>
    public static (int Top, int Left, int Height, int Width) Box(int size, float lambda, Random random)
    {
        double cut = Math.Sqrt(1 - lambda);
        int bh = (int)Math.Round(size * cut), bw = bh;
        int cy = random.Next(size), cx = random.Next(size);
        int top = Math.Clamp(cy - bh / 2, 0, size), left = Math.Clamp(cx - bw / 2, 0, size);
        int bottom = Math.Clamp(cy + bh - bh / 2, 0, size), right = Math.Clamp(cx + bw - bw / 2, 0, size);
        return (top, left, bottom - top, right - left);
    }

    /// <summary>Soft cross-entropy: mean over the batch of −Σ_k y_k·log softmax(logits)_k. logits, y: (B, K).</summary>
    public static Tensor SoftCrossEntropy(Tensor logits, Tensor y)
    {
        using var scope = NewDisposeScope();
        return (-(y * nn.functional.log_softmax(logits, 1)).sum(1).mean()).MoveToOuterDisposeScope();
    }

    /// <summary>A Beta(α, α) draw (as a ratio of two Gamma draws), for the mixing proportion.</summary>
    public static float Beta(float alpha, Random random)
    {
        double a = Gamma(alpha, random), b = Gamma(alpha, random);
        return (float)(a / (a + b));
    }

    // Marsaglia–Tsang; for shape < 1 boosted by U^(1/shape).
    static double Gamma(double shape, Random random)
    {
        if (shape < 1) return Gamma(shape + 1, random) * Math.Pow(random.NextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}
