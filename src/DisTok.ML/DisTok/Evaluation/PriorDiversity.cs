using DisTok.Core.Tokens;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>Diversity of unconditional samples from one prior: distinct argmax concepts and mean pairwise distance of the labeler's distributions.</summary>
public sealed record PriorDiversity(PriorKind Prior, double Temperature, int Samples, int DistinctArgmax, double MeanPairwiseDistance,
    IReadOnlyList<string> Argmax, IReadOnlyList<byte[]> Images);
