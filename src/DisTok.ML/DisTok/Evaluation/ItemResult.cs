namespace DisTok.ML.DisTok.Evaluation;

/// <summary>One item under one method: the mean labeler distribution of its images, the images and the times.</summary>
public sealed record ItemResult(EvalItem Item, float[] Visible, IReadOnlyList<byte[]> Images, double TokenMs, double ImageMs,
    double Kl, double SupportMass, bool? Fused);
