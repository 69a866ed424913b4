namespace DisTok.ML.DisTok.Evaluation;

/// <summary>
/// One item under one method: the mean labeler distribution of its images, the images and the times, and the same
/// metrics as read by the independent judge (null when the run has no judge).
/// </summary>
public sealed record ItemResult(EvalItem Item, float[] Visible, IReadOnlyList<byte[]> Images, double TokenMs, double ImageMs,
    double Kl, double SupportMass, bool? Fused, JudgeReading? Judge = null);

/// <summary>The protocol's metrics on the judge's mean distribution of an item's images.</summary>
public sealed record JudgeReading(float[] Visible, double Kl, double SupportMass, bool? Fused);
