using DisTok.Core.Concepts;

namespace DisTok.ML.Data;

/// <summary>Inputs of <see cref="EmojiDatasetBuilder"/>.</summary>
public sealed record EmojiBuildOptions
{
    /// <summary>Where the data set is written (manifest.json, NOTICE.md, images/). Defaults to <c>data/emoji</c>.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("data", "emoji");

    /// <summary>Folder of package tarballs; missing ones are fetched into it with npm. Defaults to <c>.cache/npm</c>.</summary>
    public string CacheDirectory { get; init; } = Path.Combine(".cache", "npm");

    /// <summary>Packages to take artwork from. Defaults to <see cref="EmojiPackages.Pinned"/>.</summary>
    public IReadOnlyList<EmojiPackage> Packages { get; init; } = EmojiPackages.Pinned;

    /// <summary>Concepts to collect. Defaults to <see cref="ConceptCatalog.Default"/>.</summary>
    public ConceptCatalog Concepts { get; init; } = ConceptCatalog.Default;

    /// <summary>Image side in pixels. Defaults to 64.</summary>
    public int Size { get; init; } = 64;

    /// <summary>The npm executable used to fetch missing packages. Defaults to <c>npm</c>.</summary>
    public string NpmCommand { get; init; } = "npm";
}
