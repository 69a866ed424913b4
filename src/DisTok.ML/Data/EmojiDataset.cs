using System.Text.Json;
using DisTok.ML.Imaging;

namespace DisTok.ML.Data;

/// <summary>A built emoji data set on disk: manifest.json + images/… (see `distok data build`).</summary>
public sealed class EmojiDataset
{
    public EmojiManifest Manifest { get; }
    public IReadOnlyList<EmojiImage> Images { get; }
    public string Directory { get; }

    EmojiDataset(string directory, EmojiManifest manifest, IReadOnlyList<EmojiImage> images)
        => (Directory, Manifest, Images) = (directory, manifest, images);

    /// <summary>Reads the manifest and decodes every image. Throws a clear error for a missing or broken data set.</summary>
    public static EmojiDataset Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
            throw new FileNotFoundException($"no emoji data set at '{directory}' (manifest.json missing); run `distok data build` first");
        var manifest = JsonSerializer.Deserialize<EmojiManifest>(File.ReadAllBytes(manifestPath))
            ?? throw new InvalidDataException($"'{manifestPath}' is empty");
        var images = new List<EmojiImage>(manifest.Images.Count);
        foreach (var e in manifest.Images)
        {
            var path = Path.Combine(directory, e.File);
            var rgb = RgbImage.DecodeToRgb(File.ReadAllBytes(path), manifest.Size, path);
            images.Add(new EmojiImage(e, rgb, manifest.Size));
        }
        return new EmojiDataset(directory, manifest, images);
    }
}
