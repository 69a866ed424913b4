using DisTok.ML.Data;
using DisTok.ML.Vision.Cnn;

namespace DisTok.ML.Vision;

/// <summary>One mixed image of two real images with a known proportion.</summary>
/// <param name="A">Row of the first image (its concept has share <paramref name="Lambda"/>).</param>
/// <param name="B">Row of the second image (share 1 − λ).</param>
/// <param name="Kind">"cutmix" (a box of B pasted into A, λ = A's remaining area), "mixup" (pixel average with weight λ) or
/// "shape-colour" (A's drawing in B's colours, λ = ½ by convention).</param>
public sealed record MixtureItem(int A, int B, string Kind, float Lambda, byte[] Rgb);

/// <summary>What a labeler read in the mixtures: mean KL between the known (λ, 1 − λ) and its reading restricted to the two parents.</summary>
/// <param name="MeanKl">Over all items.</param>
/// <param name="CutMixKl">Over the CutMix items.</param>
/// <param name="MixUpKl">Over the MixUp items.</param>
/// <param name="ShapeColourKl">Over the shape–colour items.</param>
/// <param name="ParentMass">Mean probability the reading gives the two parents together.</param>
public sealed record MixtureResult(int Items, double MeanKl, double CutMixKl, double MixUpKl, double ShapeColourKl, double ParentMass);

/// <summary>
/// The labeler's mixture check: on held-out images, each paired with a held-out image of another concept, at
/// λ ∈ {0.25, 0.5, 0.75}, by CutMix and by MixUp, and as a shape–colour mix at ½. The pairs and boxes are fixed by the seed.
/// </summary>
public static class MixtureCheck
{
    public static readonly float[] Lambdas = [0.25f, 0.5f, 0.75f];

    /// <summary>Mixtures of the images in <paramref name="rows"/> (two of different concepts each).</summary>
    public static IReadOnlyList<MixtureItem> Make(IReadOnlyList<EmojiImage> images, int[] labels, IReadOnlyList<int> rows, int seed)
    {
        var random = new Random(seed);
        var items = new List<MixtureItem>();
        foreach (var a in rows)
        {
            var others = rows.Where(r => labels[r] != labels[a]).ToArray();
            if (others.Length == 0) continue;
            int b = others[random.Next(others.Length)];
            float lambda = Lambdas[random.Next(Lambdas.Length)];
            int size = images[a].Size;
            var (top, left, h, w) = SoftMixes.Box(size, lambda, random);
            float area = 1f - (float)(h * w) / (size * size);
            items.Add(new MixtureItem(a, b, "cutmix", area, PasteBox(images[a].Rgb, images[b].Rgb, size, top, left, h, w)));
            items.Add(new MixtureItem(a, b, "mixup", lambda, Blend(images[a].Rgb, images[b].Rgb, lambda)));
            items.Add(new MixtureItem(a, b, "shape-colour", 0.5f, ShapeColourMix.Recolour(images[a].Rgb, images[b].Rgb, size)));
        }
        return items;
    }

    /// <summary>Scores the readings (probabilities over all concepts, one per item).</summary>
    public static MixtureResult Score(IReadOnlyList<MixtureItem> items, IReadOnlyList<float[]> readings, int[] labels)
    {
        if (items.Count != readings.Count) throw new ArgumentException($"{items.Count} mixtures but {readings.Count} readings");
        var kl = new double[items.Count];
        double mass = 0;
        for (int i = 0; i < items.Count; i++)
        {
            var p = readings[i];
            double pa = p[labels[items[i].A]], pb = p[labels[items[i].B]];
            mass += pa + pb;
            kl[i] = PairKl(items[i].Lambda, pa, pb);
        }
        double Mean(string kind) => items.Select((m, i) => (m, i)).Where(t => t.m.Kind == kind).Select(t => kl[t.i]).DefaultIfEmpty(double.NaN).Average();
        return new MixtureResult(items.Count, kl.DefaultIfEmpty(double.NaN).Average(), Mean("cutmix"), Mean("mixup"), Mean("shape-colour"),
            items.Count == 0 ? double.NaN : mass / items.Count);
    }

    /// <summary>KL((λ, 1 − λ) ‖ (pa, pb) renormalised), with pa and pb floored at 1e-6.</summary>
    public static double PairKl(double lambda, double pa, double pb)
    {
        pa = Math.Max(pa, 1e-6); pb = Math.Max(pb, 1e-6);
        double qa = pa / (pa + pb), qb = pb / (pa + pb);
        double kl = 0;
        if (lambda > 0) kl += lambda * Math.Log(lambda / qa);
        if (lambda < 1) kl += (1 - lambda) * Math.Log((1 - lambda) / qb);
        return kl;
    }

    static byte[] PasteBox(byte[] a, byte[] b, int size, int top, int left, int h, int w)
    {
        var result = (byte[])a.Clone();
        for (int y = top; y < top + h; y++)
            Buffer.BlockCopy(b, (y * size + left) * 3, result, (y * size + left) * 3, w * 3);
        return result;
    }

    static byte[] Blend(byte[] a, byte[] b, float lambda)
    {
        var result = new byte[a.Length];
        for (int i = 0; i < a.Length; i++) result[i] = (byte)Math.Round(lambda * a[i] + (1 - lambda) * b[i]);
        return result;
    }
}
