namespace DisTok.ML.Data;

/// <summary>The result of <see cref="EmojiDatasetBuilder.BuildAsync"/>.</summary>
/// <param name="OutputDirectory">Where the data set was written.</param>
/// <param name="Manifest">The manifest written.</param>
/// <param name="Styles">Per style, in package order.</param>
/// <param name="StylesPerConcept">Concept → number of images, in catalog order.</param>
public sealed record EmojiBuildSummary(
    string OutputDirectory,
    EmojiManifest Manifest,
    IReadOnlyList<EmojiStyleSummary> Styles,
    IReadOnlyList<KeyValuePair<string, int>> StylesPerConcept)
{
    /// <summary>Total number of images.</summary>
    public int TotalImages => Manifest.Images.Count;

    /// <summary>The manifest's data hash.</summary>
    public string DataHash => Manifest.DataHash;
}
