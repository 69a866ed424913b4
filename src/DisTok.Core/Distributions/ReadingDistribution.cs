using DisTok.Core.Concepts;

namespace DisTok.Core.Distributions;

/// <summary>
/// A labeler's reading of an image turned into a distribution a person can edit (remix): its most likely concepts — at
/// most <c>top</c>, each holding at least <see cref="Floor"/> of the reading (the most likely one always) — rounded to
/// hundredths and normalised to sum to 1.
/// </summary>
public static class ReadingDistribution
{
    /// <summary>Concepts holding less of the reading than this are left out (the most likely one is always kept).</summary>
    public const double Floor = 0.05;

    /// <summary>The distribution and how much of the reading its concepts held before normalising.</summary>
    /// <param name="seen">Probabilities in <paramref name="concepts"/> order.</param>
    public static (ConceptDistribution Distribution, double Coverage) Top(IReadOnlyList<float> seen, IReadOnlyList<string> concepts, int top, ConceptCatalog catalog)
    {
        if (seen.Count != concepts.Count) throw new ArgumentException("one probability per concept expected");
        if (top < 1) throw new ArgumentException($"top must be at least 1, got {top}");
        var best = seen.Select((p, i) => (Concept: concepts[i], P: (double)p)).OrderByDescending(x => x.P).Take(top)
            .Where((x, rank) => rank == 0 || x.P >= Floor).ToList();
        double coverage = best.Sum(x => x.P);
        var distribution = ConceptDistribution.Create(best.Select(x => KeyValuePair.Create(x.Concept, Math.Max(0.01, Math.Round(x.P / coverage, 2)))), catalog);
        return (distribution, coverage);
    }
}
