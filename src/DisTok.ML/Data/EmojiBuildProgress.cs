namespace DisTok.ML.Data;

/// <summary>A progress report of <see cref="EmojiDatasetBuilder"/>.</summary>
/// <param name="Stage">The current step.</param>
/// <param name="Completed">Items of this step done so far.</param>
/// <param name="Total">Items in this step.</param>
/// <param name="Item">What was just done, e.g. a package spec or an image file.</param>
public sealed record EmojiBuildProgress(EmojiBuildStage Stage, int Completed, int Total, string Item);
