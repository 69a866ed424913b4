using System.Text;

namespace DisTok.ML.Data;

/// <summary>Writes NOTICE.md: the attribution of every package the data set's images came from.</summary>
public static class EmojiNoticeWriter
{
    /// <summary>Markdown text; packages in the given order, no timestamps.</summary>
    /// <param name="attributions">One per package used.</param>
    /// <param name="imagesPerPackage">Package spec → number of images taken from it.</param>
    public static string Render(IEnumerable<PackageAttribution> attributions, IReadOnlyDictionary<string, int> imagesPerPackage)
    {
        var sb = new StringBuilder();
        sb.Append("# Emoji data set: notices\n\n");
        sb.Append("The images in this folder are 64×64 renderings, on a white background, of emoji artwork from the\n");
        sb.Append("packages below. Each image keeps its artwork's licence; manifest.json names the package and the\n");
        sb.Append("licence of every image.\n");
        foreach (var a in attributions)
        {
            var p = a.Package;
            sb.Append($"\n## {p.Spec}\n\n");
            sb.Append($"- Images: {imagesPerPackage.GetValueOrDefault(p.Spec)} ({string.Join(", ", p.Styles.Select(s => s.Style))})\n");
            sb.Append($"- Artwork: {p.ArtworkBy}, licence {p.Licence}\n");
            if (a.IconSetAuthor is not null) sb.Append($"- Icon set author: {a.IconSetAuthor}\n");
            if (a.Author is not null) sb.Append($"- Package author: {a.Author}\n");
            if (a.PackageLicence is not null) sb.Append($"- Package licence: {a.PackageLicence}\n");
            foreach (var line in a.CopyrightLines) sb.Append($"- Package LICENSE: {line}\n");
            if (a.ProjectUrl is not null) sb.Append($"- Project: {a.ProjectUrl}\n");
            sb.Append($"- Tarball sha256: {p.Sha256}\n");
        }
        return sb.ToString();
    }
}
