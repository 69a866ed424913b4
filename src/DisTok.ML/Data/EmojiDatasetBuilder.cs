using DisTok.ML.Imaging;

namespace DisTok.ML.Data;

/// <summary>
/// Builds the emoji data set (<c>distok data build</c>): every concept in every style the pinned packages
/// offer, as size×size RGB PNGs on white, plus manifest.json and NOTICE.md. The same inputs give
/// byte-identical output.
/// </summary>
public static class EmojiDatasetBuilder
{
    /// <summary>
    /// 1. fetch and verify the package tarballs, 2. read the needed files, 3. render, 4. write (manifest last).
    /// Nothing is written to the output folder until every package was verified, read and rendered.
    /// </summary>
    /// <exception cref="InvalidDataException">A tarball does not match its pinned sha256 or is unreadable.</exception>
    /// <exception cref="InvalidOperationException">npm is needed but missing or failed.</exception>
    public static async Task<EmojiBuildSummary> BuildAsync(
        EmojiBuildOptions options, IProgress<EmojiBuildProgress>? progress = null, CancellationToken ct = default)
    {
        Validate(options);
        var packages = options.Packages;

        // 1. Fetch.
        var cache = new NpmPackageCache(options.CacheDirectory, options.NpmCommand);
        var tarballs = new Dictionary<EmojiPackage, string>();
        for (int i = 0; i < packages.Count; i++)
        {
            tarballs[packages[i]] = await cache.EnsureAsync(packages[i], ct);
            progress?.Report(new(EmojiBuildStage.Fetch, i + 1, packages.Count, packages[i].Spec));
        }

        return await Task.Run(() =>
        {
            var contents = ReadAll(options, tarballs, progress, ct);
            var (images, entries) = RenderAll(options, contents, progress, ct);

            // 4. Write.
            var manifest = EmojiManifestWriter.Create(options.Size, entries, images);
            var perPackage = entries.GroupBy(e => e.Package).ToDictionary(g => g.Key, g => g.Count());
            var notice = EmojiNoticeWriter.Render(packages.Select(p => contents[p].Attribution), perPackage);
            EmojiDatasetWriter.Write(options.OutputDirectory, images, notice, EmojiManifestWriter.Serialize(manifest),
                (done, file) => progress?.Report(new(EmojiBuildStage.Write, done, images.Count, file)), ct);

            return Summarise(options, contents, manifest);
        }, ct);
    }

    // 2. Read: codepoint-named packages first; the first emoji.json found names the emoji for the others.
    static Dictionary<EmojiPackage, EmojiPackageContent> ReadAll(
        EmojiBuildOptions options, Dictionary<EmojiPackage, string> tarballs, IProgress<EmojiBuildProgress>? progress, CancellationToken ct)
    {
        var index = EmojiCodepointIndex.Empty;
        var contents = new Dictionary<EmojiPackage, EmojiPackageContent>();
        var ordered = options.Packages.OrderBy(p => p.Kind == EmojiSourceKind.CodepointFiles ? 0 : 1).ToArray();
        foreach (var package in ordered)
        {
            var content = EmojiPackageReader.Read(package, tarballs[package], options.Concepts.Concepts, index, ct);
            if (index.Count == 0 && content.EmojiJson is not null) index = EmojiCodepointIndex.Parse(content.EmojiJson);
            contents[package] = content;
            progress?.Report(new(EmojiBuildStage.Read, contents.Count, ordered.Length, package.Spec));
        }
        return contents;
    }

    // 3. Render.
    static (Dictionary<string, byte[]> Images, List<EmojiManifestEntry> Entries) RenderAll(
        EmojiBuildOptions options, Dictionary<EmojiPackage, EmojiPackageContent> contents, IProgress<EmojiBuildProgress>? progress, CancellationToken ct)
    {
        var artworks = options.Packages.SelectMany(p => contents[p].Artworks).ToArray();
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var entries = new List<EmojiManifestEntry>(artworks.Length);
        foreach (var art in artworks)
        {
            ct.ThrowIfCancellationRequested();
            var file = $"{EmojiDatasetWriter.ImagesFolder}/{art.Concept.Name}/{art.Style.Style}.png";
            images[file] = RgbImage.EncodePng(art.RenderRgb(options.Size), options.Size, options.Size);
            entries.Add(new EmojiManifestEntry(file, art.Concept.Name, art.Style.Style, art.Style.Design,
                art.Package.Spec, art.Package.Licence, art.Source));
            progress?.Report(new(EmojiBuildStage.Render, entries.Count, artworks.Length, file));
        }
        return (images, entries);
    }

    static EmojiBuildSummary Summarise(EmojiBuildOptions options, Dictionary<EmojiPackage, EmojiPackageContent> contents, EmojiManifest manifest)
    {
        var styles = options.Packages.SelectMany(p => p.Styles.Select(s => new EmojiStyleSummary(
            s.Style, s.Design, p.Spec,
            manifest.Images.Count(e => e.Style == s.Style),
            contents[p].MissingByStyle[s.Style]))).ToArray();
        var perConcept = options.Concepts.Concepts
            .Select(c => KeyValuePair.Create(c.Name, manifest.Images.Count(e => e.Concept == c.Name)))
            .ToArray();
        return new EmojiBuildSummary(options.OutputDirectory, manifest, styles, perConcept);
    }

    static void Validate(EmojiBuildOptions options)
    {
        if (options.Size is < 8 or > 1024) throw new ArgumentException($"image size must be 8–1024 pixels, got {options.Size}");
        if (options.Packages.Count == 0) throw new ArgumentException("no emoji packages given");
        var duplicate = options.Packages.SelectMany(p => p.Styles).GroupBy(s => s.Style).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"style '{duplicate.Key}' is provided by more than one package");
    }
}
