using System.Text;
using System.Text.Json;

namespace DisTok.ML.Data;

/// <summary>Who to credit for a package's artwork, as stated by the package itself.</summary>
/// <param name="Package">The pinned package.</param>
/// <param name="PackageLicence">The <c>license</c> field of package.json (the package's own licence).</param>
/// <param name="Author">package.json <c>author</c>.</param>
/// <param name="ProjectUrl">package.json <c>homepage</c>, else <c>repository.url</c>.</param>
/// <param name="IconSetAuthor">Iconify info.json <c>author</c> (name and URL), for icon sets.</param>
/// <param name="CopyrightLines">The "Copyright …" lines of the package's LICENSE file.</param>
public sealed record PackageAttribution(
    EmojiPackage Package,
    string? PackageLicence,
    string? Author,
    string? ProjectUrl,
    string? IconSetAuthor,
    IReadOnlyList<string> CopyrightLines)
{
    /// <summary>Package files read for the attribution.</summary>
    public static IReadOnlySet<string> Files { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "package.json", "info.json", "LICENSE", "LICENSE.md", "LICENSE.txt" };

    /// <summary>Builds the attribution from whichever of <see cref="Files"/> the package has.</summary>
    public static PackageAttribution From(EmojiPackage package, IReadOnlyDictionary<string, byte[]> files)
    {
        string? licence = null, author = null, url = null, iconSetAuthor = null;
        if (files.TryGetValue("package.json", out var packageJson))
        {
            using var doc = JsonDocument.Parse(packageJson);
            var root = doc.RootElement;
            licence = Text(root, "license");
            author = Person(root, "author");
            url = Text(root, "homepage") ?? (root.TryGetProperty("repository", out var repo) ? Text(repo, "url") ?? Str(repo) : null);
        }
        if (files.TryGetValue("info.json", out var infoJson))
        {
            using var doc = JsonDocument.Parse(infoJson);
            iconSetAuthor = Person(doc.RootElement, "author");
        }
        var copyright = Files.Where(f => f.StartsWith("LICENSE", StringComparison.Ordinal) && files.ContainsKey(f))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Encoding.UTF8.GetString(files[f]).Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase) && l.Length > "Copyright".Length + 4)
            .Distinct()
            .ToArray();
        return new PackageAttribution(package, licence, author, url?.Replace("git+", ""), iconSetAuthor, copyright);
    }

    static string? Person(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var p)) return null;
        if (p.ValueKind == JsonValueKind.String) return p.GetString();
        if (p.ValueKind != JsonValueKind.Object) return null;
        var name = Text(p, "name");
        var link = Text(p, "url");
        return link is null ? name : $"{name} <{link}>";
    }

    static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) ? Str(v) : null;

    static string? Str(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
