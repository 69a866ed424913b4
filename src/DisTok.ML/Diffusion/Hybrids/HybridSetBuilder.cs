using DisTok.Core.Concepts;
using DisTok.ML.Data;
using DisTok.ML.Diffusion.Pipelines;
using DisTok.ML.ModelFiles;
using System.Text.Json;
using DisTok.Core.IO;

namespace DisTok.ML.Diffusion.Hybrids;

/// <summary>
/// Renders hybrid training pairs from the text-to-image model itself: two concepts fused by composable sampling
/// or by a condition switch, or a real drawing's layout filled with another concept (MagicMix). Which pairs, weights,
/// methods, layout drawings and seeds is fixed by the seed alone; no classifier looks at or selects any image.
/// Resumable: images already on disk are kept.
/// </summary>
public static class HybridSetBuilder
{
    /// <summary>The entries a set with these options holds, in render order (no rendering).</summary>
    /// <param name="layouts">Concept name → the real drawings (data set files) a layout may come from; needed for the layout method.</param>
    public static IReadOnlyList<HybridEntry> Plan(HybridSetOptions o, ConceptCatalog catalog, IReadOnlyDictionary<string, IReadOnlyList<string>>? layouts = null)
    {
        o.Validate();
        if (o.MethodsOrDefault.Contains(HybridMethod.Layout) && layouts is null)
            throw new ArgumentException("the layout method needs the emoji data set (real drawings give the layouts)");
        var random = new Random(o.Seed);
        var pairs = new List<(int, int)>();
        var entries = new List<HybridEntry>(o.Images);
        for (int n = 0; n < o.Images; n++)
        {
            if (pairs.Count == 0) pairs = AllPairs(catalog.Count, random);
            var (i, j) = pairs[^1];
            pairs.RemoveAt(pairs.Count - 1);
            if (random.Next(2) == 1) (i, j) = (j, i);
            string a = catalog[i].Name, b = catalog[j].Name;
            var method = o.MethodsOrDefault[random.Next(o.MethodsOrDefault.Length)];
            var weight = o.WeightsOrDefault[random.Next(o.WeightsOrDefault.Length)];
            int seed = random.Next(1, int.MaxValue);
            string? layout = null;
            if (method == HybridMethod.Layout)
            {
                if (!layouts!.TryGetValue(a, out var files) || files.Count == 0) throw new ArgumentException($"the emoji data set has no drawing of '{a}'");
                layout = files[random.Next(files.Count)];
            }
            entries.Add(new HybridEntry($"images/{n:D5}-{a}-{b}.png", a, b, weight, method, seed, o.Strength, layout));
        }
        return entries;
    }

    /// <summary>Every unordered pair (i &lt; j), shuffled.</summary>
    static List<(int, int)> AllPairs(int k, Random random)
    {
        var pairs = new List<(int, int)>(k * (k - 1) / 2);
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++) pairs.Add((i, j));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs));
        return pairs;
    }

    /// <summary>A's and B's weight at step i of n: constant for composable sampling, A then B for a switch.</summary>
    public static float[] WeightsAt(HybridEntry e, int step, int steps) => e.Method switch
    {
        HybridMethod.Composable => [e.Strength * e.WeightA, e.Strength * (1f - e.WeightA)],
        HybridMethod.Switch => step < (int)MathF.Round(e.WeightA * steps) ? [1f, 0f] : [0f, 1f],
        HybridMethod.Layout => [0f, 1f],
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Method, "unknown hybrid method"),
    };

    /// <summary>The layout method's start time: A's weight ½ starts at 0.8; more weight, less noise (0.65 → 0.74, 0.35 → 0.86).</summary>
    public static double LayoutKMax(float weightA) => 1.0 - 0.4 * weightA;

    /// <summary>Renders one entry: PNG bytes. <paramref name="layoutRgb"/> reads a data set file's RGB bytes (layout method only).</summary>
    public static byte[] Render(HybridEntry e, TextToImagePipeline generator, Func<string, float[]> encode, HybridSetOptions o, ConceptCatalog catalog,
        Func<string, byte[]>? layoutRgb = null)
    {
        var conditions = new[] { encode(Prompt(o, catalog, e.A)), encode(Prompt(o, catalog, e.B)) };
        LayoutGuide? guide = null;
        if (e.Method == HybridMethod.Layout)
        {
            if (e.Layout is null || layoutRgb is null) throw new ArgumentException($"{e.File}: the layout method needs a layout drawing");
            guide = new LayoutGuide(layoutRgb(e.Layout), LayoutKMax(e.WeightA), o.LayoutKMin, o.LayoutNu);
        }
        return generator.GenerateComposite(conditions, i => WeightsAt(e, i, o.Steps), e.Seed, o.Steps, o.Guidance, layout: guide).Png;
    }

    /// <summary>Concept name → its drawings' files in the data set, in manifest order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LayoutsOf(EmojiDataset art) =>
        art.Images.GroupBy(i => i.Entry.Concept, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(i => i.Entry.File).ToArray(), StringComparer.Ordinal);

    /// <summary>A data set file → its RGB bytes; a clear error for a file the set does not hold.</summary>
    public static Func<string, byte[]> LayoutReader(EmojiDataset art)
    {
        var byFile = art.Images.ToDictionary(i => i.Entry.File, i => i.Rgb, StringComparer.Ordinal);
        return file => byFile.TryGetValue(file, out var rgb) ? rgb : throw new ArgumentException($"the emoji data set has no file '{file}'");
    }

    static string Prompt(HybridSetOptions o, ConceptCatalog catalog, string concept) => o.Template.Replace("{c}", catalog.Get(concept).PromptWord);

    /// <summary>
    /// Renders every planned image that is not yet in <paramref name="directory"/>, then writes the manifest.
    /// <paramref name="progress"/> gets (done, total).
    /// </summary>
    /// <param name="art">The emoji data set, for the layout method's drawings (else null).</param>
    public static HybridManifest Build(string directory, HybridSetOptions o, TextToImagePipeline generator, Func<string, float[]> encode,
        string generatorSha256, string command, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default,
        EmojiDataset? art = null)
    {
        var catalog = ConceptCatalog.Default;
        var plan = Plan(o, catalog, art is null ? null : LayoutsOf(art));
        var layoutRgb = art is null ? null : LayoutReader(art);
        Directory.CreateDirectory(Path.Combine(directory, "images"));
        var bytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (int n = 0; n < plan.Count; n++)
        {
            ct.ThrowIfCancellationRequested();
            var e = plan[n];
            var path = Path.Combine(directory, e.File);
            if (!File.Exists(path)) AtomicFile.WriteAllBytes(path, Render(e, generator, encode, o, catalog, layoutRgb));
            bytes[e.File] = File.ReadAllBytes(path);
            progress?.Report((n + 1, plan.Count));
        }
        var manifest = new HybridManifest(HybridManifest.CurrentVersion, generator.Capabilities.Width, EmojiManifestWriter.DataHash(bytes),
            generatorSha256, command, o, plan.OrderBy(e => e.File, StringComparer.Ordinal).ToArray(), art?.Manifest.DataHash);
        var json = JsonSerializer.Serialize(manifest, HybridManifest.Json) + "\n";
        AtomicFile.WriteAllText(Path.Combine(directory, HybridManifest.FileName), json);
        return manifest;
    }
}
