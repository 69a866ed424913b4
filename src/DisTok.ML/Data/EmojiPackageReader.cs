using System.Text;
using DisTok.Core.Concepts;

namespace DisTok.ML.Data;

/// <summary>Finds each concept's artwork in a package tarball, reading only the files needed.</summary>
public static class EmojiPackageReader
{
    /// <summary>
    /// Reads <paramref name="package"/> from <paramref name="tgzPath"/> in one pass: every candidate file of
    /// every concept and style (see <see cref="EmojiKeys"/>), the attribution files and emoji.json.
    /// </summary>
    public static EmojiPackageContent Read(
        EmojiPackage package, string tgzPath, IReadOnlyList<Concept> concepts, EmojiCodepointIndex index, CancellationToken ct = default)
    {
        var candidates = concepts.ToDictionary(c => c.Name, c => EmojiKeys.Candidates(package, c, index.Find(c.Codepoint)));
        var wanted = new HashSet<string>(PackageAttribution.Files, StringComparer.Ordinal) { EmojiCodepointIndex.FileName };
        foreach (var style in package.Styles)
        {
            if (package.Kind == EmojiSourceKind.IconifyIconSet) wanted.Add(style.PathTemplate);
            else wanted.UnionWith(candidates.Values.SelectMany(keys => keys.Select(style.PathFor)));
        }
        var files = NpmTarball.ReadEntries(tgzPath, wanted.Contains, ct: ct);

        var artworks = new List<EmojiArtwork>();
        var missing = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var style in package.Styles)
        {
            var find = Finder(package, style, files);
            var absent = new List<string>();
            foreach (var concept in concepts)
            {
                var artwork = candidates[concept.Name].Select(key => find(concept, key)).FirstOrDefault(a => a is not null);
                if (artwork is null) absent.Add(concept.Name);
                else artworks.Add(artwork);
            }
            missing[style.Style] = absent;
        }
        return new EmojiPackageContent(package, artworks, missing, PackageAttribution.From(package, files),
            files.GetValueOrDefault(EmojiCodepointIndex.FileName));
    }

    /// <summary>A lookup (concept, key) → artwork or null, for one style.</summary>
    static Func<Concept, string, EmojiArtwork?> Finder(EmojiPackage package, EmojiPackageStyle style, Dictionary<string, byte[]> files)
    {
        if (package.Kind == EmojiSourceKind.IconifyIconSet)
        {
            var set = IconifyIconSet.Parse(files.GetValueOrDefault(style.PathTemplate)
                ?? throw new InvalidDataException($"{package.Spec} has no {style.PathTemplate}"));
            return (concept, key) => set.Contains(key) && set.GetSvg(key) is { } svg
                ? new EmojiArtwork(concept, package, style, key, null, svg)
                : null;
        }
        return (concept, key) =>
        {
            var path = style.PathFor(key);
            if (!files.TryGetValue(path, out var bytes)) return null;
            return path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)
                ? new EmojiArtwork(concept, package, style, path, null, Encoding.UTF8.GetString(bytes))
                : new EmojiArtwork(concept, package, style, path, bytes, null);
        };
    }
}
