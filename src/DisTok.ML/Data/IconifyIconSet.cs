using System.Globalization;
using System.Text.Json;

namespace DisTok.ML.Data;

/// <summary>
/// An Iconify JSON icon set (<c>icons.json</c>): SVG bodies keyed by name, aliases pointing at a parent
/// icon, and a view box taken from the icon, else the alias chain, else the set (left/top 0, width/height 16).
/// </summary>
public sealed class IconifyIconSet
{
    const int MaxAliasDepth = 8;
    readonly JsonElement _icons;
    readonly JsonElement _aliases;
    readonly JsonElement _root;

    IconifyIconSet(JsonElement root)
    {
        _root = root;
        _icons = root.TryGetProperty("icons", out var icons) && icons.ValueKind == JsonValueKind.Object
            ? icons : throw new InvalidDataException("icons.json has no \"icons\" object");
        _aliases = root.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Object ? aliases : default;
    }

    /// <summary>Parses the bytes of an <c>icons.json</c>.</summary>
    public static IconifyIconSet Parse(byte[] json)
    {
        try
        {
            return new IconifyIconSet(JsonDocument.Parse(json).RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"icons.json is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Whether the set has an icon or alias of this name.</summary>
    public bool Contains(string name) =>
        _icons.TryGetProperty(name, out _) || (_aliases.ValueKind == JsonValueKind.Object && _aliases.TryGetProperty(name, out _));

    /// <summary>A standalone SVG document for the icon or alias <paramref name="name"/>, or null if the set lacks it.</summary>
    public string? GetSvg(string name)
    {
        // Collect the chain alias → … → icon; the first definition of a property (nearest the name) wins.
        var chain = new List<JsonElement>();
        string current = name;
        for (int depth = 0; ; depth++)
        {
            if (_icons.TryGetProperty(current, out var icon)) { chain.Add(icon); break; }
            if (_aliases.ValueKind != JsonValueKind.Object || !_aliases.TryGetProperty(current, out var alias)) return null;
            if (depth == MaxAliasDepth || !alias.TryGetProperty("parent", out var parent) || parent.GetString() is not { } p)
                throw new InvalidDataException($"icons.json: alias '{name}' does not resolve to an icon");
            chain.Add(alias);
            current = p;
        }
        chain.Add(_root);

        var body = chain[^2].GetProperty("body").GetString() ?? "";
        double left = Number(chain, "left", 0), top = Number(chain, "top", 0);
        double width = Number(chain, "width", 16), height = Number(chain, "height", 16);
        // Transformations add up along an alias chain (Iconify merges them the same way).
        bool hFlip = chain.Count(e => Flag(e, "hFlip")) % 2 == 1, vFlip = chain.Count(e => Flag(e, "vFlip")) % 2 == 1;
        int rotate = chain.Sum(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("rotate", out var r) ? r.GetInt32() : 0) % 4;
        body = Transform(body, left, top, width, height, hFlip, vFlip, rotate);

        var f = CultureInfo.InvariantCulture;
        return string.Create(f, $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " +
                                $"width=\"{width}\" height=\"{height}\" viewBox=\"{left} {top} {width} {height}\">{body}</svg>");
    }

    /// <summary>Flips and quarter turns about the view box centre (exact for square icons, as emoji are).</summary>
    static string Transform(string body, double left, double top, double width, double height, bool hFlip, bool vFlip, int rotate)
    {
        var f = CultureInfo.InvariantCulture;
        var t = new List<string>();
        double cx = left + width / 2, cy = top + height / 2;
        if (rotate != 0) t.Add(string.Create(f, $"rotate({rotate * 90} {cx} {cy})"));
        if (hFlip) t.Add(string.Create(f, $"translate({2 * cx} 0) scale(-1 1)"));
        if (vFlip) t.Add(string.Create(f, $"translate(0 {2 * cy}) scale(1 -1)"));
        return t.Count == 0 ? body : $"<g transform=\"{string.Join(' ', t)}\">{body}</g>";
    }

    static double Number(List<JsonElement> chain, string property, double fallback)
    {
        foreach (var e in chain)
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number)
                return v.GetDouble();
        return fallback;
    }

    static bool Flag(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.True;
}
