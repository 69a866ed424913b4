using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>The protocol's metrics (method.md §5) on p_in and p_vis (the mean labeler distribution of an item's images).</summary>
public static class EvalMetrics
{
    const double Floor = 1e-8;

    /// <summary>KL(p_in ‖ p_vis restricted to the support of p_in and renormalised).</summary>
    public static double Kl(ConceptDistribution input, IReadOnlyList<float> visible, IReadOnlyList<string> concepts)
    {
        var q = Restricted(input, visible, concepts);
        double mass = q.Values.Sum();
        double kl = 0;
        foreach (var e in input.Entries)
        {
            double qi = mass > 0 ? Math.Max(q[e.Concept] / mass, Floor) : 1.0 / input.Count;
            kl += e.Weight * Math.Log(e.Weight / qi);
        }
        return kl;
    }

    /// <summary>p_vis summed over the support of p_in.</summary>
    public static double SupportMass(ConceptDistribution input, IReadOnlyList<float> visible, IReadOnlyList<string> concepts) =>
        Restricted(input, visible, concepts).Values.Sum();

    /// <summary>A pair is fused when each parent has ≥ 25% of the pair's mass and the pair ≥ 50% of all mass.</summary>
    public static bool IsFused(ConceptDistribution pair, IReadOnlyList<float> visible, IReadOnlyList<string> concepts)
    {
        if (pair.Count != 2) throw new ArgumentException("fusion is defined for pairs");
        var q = Restricted(pair, visible, concepts).Values.ToArray();
        double mass = q[0] + q[1];
        return mass >= 0.5 && q[0] >= 0.25 * mass && q[1] >= 0.25 * mass;
    }

    /// <summary>Number of distinct most-probable concepts over samples.</summary>
    public static int DistinctArgmax(IEnumerable<IReadOnlyList<float>> samples) =>
        samples.Select(p => Enumerable.Range(0, p.Count).MaxBy(i => p[i])).Distinct().Count();

    /// <summary>Mean total-variation distance ½‖p − q‖₁ over all pairs of samples (0 = identical, 1 = disjoint).</summary>
    public static double MeanPairwiseDistance(IReadOnlyList<IReadOnlyList<float>> samples)
    {
        double sum = 0; int pairs = 0;
        for (int a = 0; a < samples.Count; a++)
            for (int b = a + 1; b < samples.Count; b++, pairs++)
                sum += 0.5 * samples[a].Zip(samples[b], (x, y) => Math.Abs((double)x - y)).Sum();
        return pairs == 0 ? 0 : sum / pairs;
    }

    /// <summary>Element-wise mean of distributions.</summary>
    public static float[] Mean(IReadOnlyList<float[]> distributions) =>
        Enumerable.Range(0, distributions[0].Length).Select(i => distributions.Average(p => p[i])).ToArray();

    static Dictionary<string, double> Restricted(ConceptDistribution input, IReadOnlyList<float> visible, IReadOnlyList<string> concepts)
    {
        if (visible.Count != concepts.Count) throw new ArgumentException("one probability per concept expected");
        var index = concepts.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.OrdinalIgnoreCase);
        return input.Entries.ToDictionary(e => e.Concept, e => index.TryGetValue(e.Concept, out var i)
            ? (double)visible[i] : throw new ArgumentException($"the labeler does not know '{e.Concept}'"));
    }
}
