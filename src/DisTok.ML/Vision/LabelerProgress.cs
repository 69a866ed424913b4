namespace DisTok.ML.Vision;

/// <summary>Progress of labeler training or evaluation.</summary>
/// <param name="Stage">What runs, e.g. "features view 3", "fold twemoji", "final head".</param>
/// <param name="Done">Units finished in this stage.</param>
/// <param name="Total">Units in this stage.</param>
public sealed record LabelerProgress(string Stage, int Done, int Total);
