using System.Text.Json;

namespace DisTok.ML.Data;

/// <summary>Codepoint → <see cref="EmojiInfo"/>, read from emoji-datasource's <c>emoji.json</c>.</summary>
public sealed class EmojiCodepointIndex
{
    /// <summary>Path of the metadata file inside emoji-datasource packages.</summary>
    public const string FileName = "emoji.json";

    readonly Dictionary<string, EmojiInfo> _byCodepoint;

    EmojiCodepointIndex(Dictionary<string, EmojiInfo> byCodepoint) => _byCodepoint = byCodepoint;

    /// <summary>An index that knows no emoji (names then come from the concept list only).</summary>
    public static EmojiCodepointIndex Empty { get; } = new(new Dictionary<string, EmojiInfo>());

    /// <summary>Number of codepoint keys (fully and minimally qualified forms both count).</summary>
    public int Count => _byCodepoint.Count;

    /// <summary>Parses <c>emoji.json</c>: an array of objects with <c>unified</c>, <c>non_qualified</c>, <c>name</c>, <c>short_names</c>.</summary>
    public static EmojiCodepointIndex Parse(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{FileName} is not a JSON array");
        var map = new Dictionary<string, EmojiInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var unified = e.GetProperty("unified").GetString() ?? "";
            var name = (e.TryGetProperty("name", out var n) ? n.GetString() : null)?.ToLowerInvariant() ?? "";
            var shortNames = e.TryGetProperty("short_names", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToArray()
                : [];
            var info = new EmojiInfo(unified, name, shortNames);
            map.TryAdd(unified, info);
            if (e.TryGetProperty("non_qualified", out var nq) && nq.GetString() is { Length: > 0 } nonQualified)
                map.TryAdd(nonQualified, info);
        }
        return new EmojiCodepointIndex(map);
    }

    /// <summary>The emoji with these codepoints (with or without the FE0F variation selector), or null.</summary>
    public EmojiInfo? Find(string codepoint) =>
        _byCodepoint.TryGetValue(codepoint, out var info) ? info
        : _byCodepoint.TryGetValue(EmojiKeys.WithoutVariationSelector(codepoint), out info) ? info
        : null;
}
