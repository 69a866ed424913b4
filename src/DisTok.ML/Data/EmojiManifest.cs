using System.Text.Json.Serialization;

namespace DisTok.ML.Data;

/// <summary>manifest.json of a built emoji data set (written by the builder, read by trainers).</summary>
/// <param name="Version">Format version, currently 1.</param>
/// <param name="Size">Image side in pixels (64).</param>
/// <param name="DataHash">sha256 over the sorted (file, sha256 of bytes) lines: names the exact data a model saw.</param>
/// <param name="Images">One entry per image, sorted by file.</param>
public sealed record EmojiManifest(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("data_hash")] string DataHash,
    [property: JsonPropertyName("images")] IReadOnlyList<EmojiManifestEntry> Images);

/// <param name="File">Path relative to the data set folder, e.g. images/pig/noto.png.</param>
/// <param name="Concept">Concept name from concepts.tsv.</param>
/// <param name="Style">Rendering, e.g. noto, twemoji, fluent-flat, fluent-3d.</param>
/// <param name="Design">Design family used for leave-one-design-out folds: twemoji, noto, fluent, streamline, fxemoji.</param>
/// <param name="Package">npm package and version the image came from.</param>
/// <param name="Licence">SPDX licence of the artwork.</param>
/// <param name="Source">Path of the original file inside the package (or icon name for icon sets).</param>
public sealed record EmojiManifestEntry(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("concept")] string Concept,
    [property: JsonPropertyName("style")] string Style,
    [property: JsonPropertyName("design")] string Design,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("licence")] string Licence,
    [property: JsonPropertyName("source")] string Source);
