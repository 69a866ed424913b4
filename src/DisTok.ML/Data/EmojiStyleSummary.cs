namespace DisTok.ML.Data;

/// <summary>How one style fared in a build.</summary>
/// <param name="Style">The style.</param>
/// <param name="Design">Its design family.</param>
/// <param name="Package">Package spec it came from.</param>
/// <param name="Images">Images written.</param>
/// <param name="MissingConcepts">Concepts the package does not have in this style, in catalog order.</param>
public sealed record EmojiStyleSummary(string Style, string Design, string Package, int Images, IReadOnlyList<string> MissingConcepts);
