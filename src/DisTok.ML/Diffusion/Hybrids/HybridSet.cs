using System.Text.Json;
using DisTok.ML.Imaging;

namespace DisTok.ML.Diffusion.Hybrids;

/// <summary>A built hybrid set on disk (manifest.json + images/), decoded.</summary>
public sealed class HybridSet
{
    public HybridManifest Manifest { get; }

    /// <summary>(entry, RGB bytes (S, S, 3)) per image, in manifest order.</summary>
    public IReadOnlyList<(HybridEntry Entry, byte[] Rgb)> Images { get; }

    HybridSet(HybridManifest manifest, IReadOnlyList<(HybridEntry, byte[])> images) => (Manifest, Images) = (manifest, images);

    /// <summary>Reads the manifest and every image; a clear error when the set is missing or incomplete.</summary>
    public static HybridSet Load(string directory)
    {
        var path = Path.Combine(directory, HybridManifest.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"no hybrid set at '{directory}' ({HybridManifest.FileName} missing); run `distok backbone hybrids` first", path);
        HybridManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<HybridManifest>(File.ReadAllBytes(path), HybridManifest.Json); }
        catch (JsonException e) { throw new InvalidDataException($"'{path}' is not a valid hybrid manifest: {e.Message}"); }
        if (manifest is null || manifest.Version != HybridManifest.CurrentVersion || manifest.Images is null)
            throw new InvalidDataException($"'{path}' is not a version-{HybridManifest.CurrentVersion} hybrid manifest");
        var images = manifest.Images.Select(e =>
        {
            var file = Path.Combine(directory, e.File);
            return (e, RgbImage.DecodeToRgb(File.ReadAllBytes(file), manifest.Size, file));
        }).ToArray();
        return new HybridSet(manifest, images);
    }
}
