using System.Text.Json;
using DisTok.Core.Concepts;
using DisTok.ML.ModelFiles;
using TorchSharp;
using static TorchSharp.torch;
using DisTok.Core.IO;

namespace DisTok.ML.Vision.Cnn;

/// <summary>Saves and loads the fine-tuned labeler: float16 weights + <see cref="CnnLabelerManifest"/> in one folder.</summary>
public static class CnnLabelerFile
{
    /// <summary>Writes weights then manifest (each atomically); returns the manifest written.</summary>
    public static CnnLabelerManifest Save(string directory, ConceptNet net, CnnLabelerOptions o, double temperature, string dataHash, int images,
        string command, Dictionary<string, double> metrics)
    {
        Directory.CreateDirectory(directory);
        var weights = Path.Combine(directory, CnnLabelerManifest.WeightsFileName);
        using (no_grad())
        {
            using var copy = new ConceptNet(net.Classes, net.Stages, net.InputSide, o.Dropout);
            copy.load_state_dict(net.state_dict());
            copy.to(ScalarType.Float16);
            AtomicFile.WriteFile(weights, tmp => copy.save(tmp));
        }
        var manifest = new CnnLabelerManifest(CnnLabelerManifest.CurrentFormat, CnnLabelerManifest.WeightsFileName, ModelManifest.Sha256Of(weights),
            CnnLabelerManifest.NetworkName(o), ConceptCatalog.Default.Concepts.Select(c => c.Name).ToArray(), Math.Round(temperature, 4), o, dataHash, images,
            command, metrics);
        AtomicFile.WriteAllText(Path.Combine(directory, "manifest.json"), JsonSerializer.Serialize(manifest, LabelerManifest.JsonOptions) + "\n");
        return manifest;
    }

    /// <summary>Loads a verified folder into a float32 network in eval mode; clear errors when anything is missing or altered.</summary>
    public static (ConceptNet Net, CnnLabelerManifest Manifest) Load(string directory, CnnLabelerManifest manifest)
    {
        var expected = ConceptCatalog.Default.Concepts.Select(c => c.Name);
        if (!manifest.Concepts.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
            throw new InvalidDataException($"labeler manifest in '{directory}' lists other concepts than the catalog (or another order); retrain it");
        var weights = Path.Combine(directory, manifest.Weights);
        if (!File.Exists(weights)) throw new FileNotFoundException($"labeler weights '{weights}' are missing", weights);
        if (ModelManifest.Sha256Of(weights) != manifest.WeightsSha256)
            throw new InvalidDataException($"labeler weights '{weights}' do not match the sha256 in manifest.json (corrupt or replaced); retrain with `{manifest.Command}`");
        var net = new ConceptNet(manifest.Concepts.Count, manifest.Config.Stages, manifest.Config.InputSide, manifest.Config.Dropout);
        try
        {
            net.to(ScalarType.Float16);
            net.load(weights);
            net.to(ScalarType.Float32);
            net.eval();
            return (net, manifest);
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            net.Dispose();
            throw new InvalidDataException($"labeler weights '{weights}' could not be read: {e.Message}");
        }
    }
}
