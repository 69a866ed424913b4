using System.Diagnostics;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;

namespace DisTok.ML.Backbone;

/// <summary>
/// Are generated images recognisable? Renders "a photo of a {c}" for every concept and seed and asks
/// the soft labeler; top-1 = share of images whose most probable concept is c.
/// </summary>
public static class GenerationRecognition
{
    public static GenerationRecognitionResult Measure(IImageGenerator generator, ISoftLabeler labeler, ConceptCatalog catalog,
        int seeds, int? steps = null, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        if (seeds < 1) throw new ArgumentException($"seeds must be at least 1, got {seeds}");
        var items = new List<GenerationRecognitionItem>();
        int total = catalog.Count * seeds;
        foreach (var concept in catalog.Concepts)
            for (int seed = 0; seed < seeds; seed++)
            {
                ct.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                var image = generator.Generate(new GenerationRequest($"a photo of a {concept.PromptWord}", seed, steps), null, ct);
                double ms = clock.Elapsed.TotalMilliseconds;
                var p = labeler.Classify(image.Png);
                int best = Array.IndexOf(p, p.Max());
                items.Add(new GenerationRecognitionItem(concept.Name, seed, labeler.Concepts[best], p[best], ms, image.Png));
                progress?.Invoke(items.Count, total);
            }
        return new GenerationRecognitionResult(items);
    }

    /// <summary>The same images read by another labeler (e.g. the independent judge).</summary>
    public static GenerationRecognitionResult Rescore(GenerationRecognitionResult result, ISoftLabeler labeler) =>
        new(result.Items.Select(i =>
        {
            var p = labeler.Classify(i.Png);
            int best = Array.IndexOf(p, p.Max());
            return i with { Predicted = labeler.Concepts[best], Confidence = p[best] };
        }).ToList());
}

/// <summary>One rendered image and what the labeler saw in it.</summary>
public sealed record GenerationRecognitionItem(string Concept, int Seed, string Predicted, float Confidence, double ImageMs, byte[] Png)
{
    public bool Correct => Predicted == Concept;
}

public sealed record GenerationRecognitionResult(IReadOnlyList<GenerationRecognitionItem> Items)
{
    public double Top1 => Items.Count == 0 ? 0 : (double)Items.Count(i => i.Correct) / Items.Count;
    public double ImageMsMedian => Stats.Median(Items.Select(i => i.ImageMs));

    /// <summary>Concepts with at least one miss, with what they were taken for.</summary>
    public IEnumerable<(string Concept, string[] TakenFor)> Misses() =>
        Items.Where(i => !i.Correct).GroupBy(i => i.Concept).Select(g => (g.Key, g.Select(i => i.Predicted).ToArray()));
}
