namespace DisTok.ML.Data;

/// <summary>What one package supplies for the concept list.</summary>
/// <param name="Package">The package.</param>
/// <param name="Artworks">Found artwork, one per (concept, style).</param>
/// <param name="MissingByStyle">Style → names of the concepts the package does not have.</param>
/// <param name="Attribution">Credits read from the package.</param>
/// <param name="EmojiJson">The package's emoji.json, if it has one.</param>
public sealed record EmojiPackageContent(
    EmojiPackage Package,
    IReadOnlyList<EmojiArtwork> Artworks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> MissingByStyle,
    PackageAttribution Attribution,
    byte[]? EmojiJson);
