using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DisTok.ML.Data;

/// <summary>Creates and serialises <see cref="EmojiManifest"/> deterministically.</summary>
public static class EmojiManifestWriter
{
    /// <summary>The manifest format version written.</summary>
    public const int FormatVersion = 1;

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NewLine = "\n" };

    /// <summary>A manifest with entries sorted by file and the data hash of the given PNG bytes (file → bytes).</summary>
    public static EmojiManifest Create(int size, IEnumerable<EmojiManifestEntry> entries, IReadOnlyDictionary<string, byte[]> pngByFile)
    {
        var sorted = entries.OrderBy(e => e.File, StringComparer.Ordinal).ToArray();
        return new EmojiManifest(FormatVersion, size, DataHash(pngByFile), sorted);
    }

    /// <summary>
    /// sha256 (lower-case hex) of the UTF-8 text made of one line "file&lt;TAB&gt;sha256-of-bytes\n" per file,
    /// files in ordinal order.
    /// </summary>
    public static string DataHash(IReadOnlyDictionary<string, byte[]> bytesByFile)
    {
        var text = new StringBuilder();
        foreach (var file in bytesByFile.Keys.Order(StringComparer.Ordinal))
            text.Append(file).Append('\t').Append(Convert.ToHexStringLower(SHA256.HashData(bytesByFile[file]))).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>UTF-8 JSON, indented, '\n' line ends, with a final newline.</summary>
    public static byte[] Serialize(EmojiManifest manifest) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, Json) + "\n");
}
