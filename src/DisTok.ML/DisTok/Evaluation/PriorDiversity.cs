using DisTok.Core.Tokens;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>Diversity of unconditional samples from one prior: distinct argmax concepts and mean pairwise distance of the labeler's distributions.</summary>
public sealed record PriorDiversity(PriorKind Prior, double Temperature, int Samples, int DistinctArgmax, double MeanPairwiseDistance,
    IReadOnlyList<string> Argmax, IReadOnlyList<byte[]> Images)
{
    /// <summary>top_share: share of samples whose argmax is the most common one (1/N = all different, 1 = collapse).</summary>
    public double TopShare => Argmax.Count == 0 ? double.NaN : (double)Argmax.GroupBy(a => a).Max(g => g.Count()) / Argmax.Count;
}
