using System.Text.Json;
using System.Text.Json.Nodes;
using DisTok.ML.ModelFiles;
using TorchSharp;
using static TorchSharp.torch;
using DisTok.Core.IO;

namespace DisTok.ML.Diffusion.Models;

/// <summary>Saves and loads the text-to-image denoiser: weights (float16, TorchSharp format) + manifest.json.</summary>
public static class DiffusionCheckpoint
{
    public const string ManifestName = "diffusion";
    public const string WeightsFile = "model.bin";

    /// <summary>Writes weights then manifest, each atomically, so a killed run leaves the previous checkpoint intact.</summary>
    public static ModelManifest Save(DiffusionUNet model, string directory, JsonObject runConfig, string dataHash, string command, int step, JsonObject metrics)
    {
        Directory.CreateDirectory(directory);
        var weights = Path.Combine(directory, WeightsFile);
        using (no_grad())
        {
            var copy = new DiffusionUNet(model.Config);
            try
            {
                copy.load_state_dict(model.state_dict());
                copy.to(ScalarType.Float16);
                AtomicFile.WriteFile(weights, tmp => copy.save(tmp));
            }
            finally { copy.Dispose(); }
        }
        var config = new JsonObject
        {
            ["model"] = JsonSerializer.SerializeToNode(model.Config with { Channels = model.Config.LevelChannels }), // explicit, so later default changes never alter a saved model
            ["training"] = runConfig.DeepClone(),
        };
        var manifest = new ModelManifest(ManifestName, WeightsFile, ModelManifest.Sha256Of(weights), config, dataHash, command, step, metrics);
        manifest.Save(directory);
        return manifest;
    }

    /// <summary>Loads a verified checkpoint into a float32 model in eval mode.</summary>
    public static (DiffusionUNet Model, ModelManifest Manifest) Load(string directory)
    {
        var manifest = ModelManifest.LoadVerified(directory, ManifestName);
        var config = manifest.Config["model"]?.Deserialize<UNetConfig>()
            ?? throw new InvalidDataException($"'{directory}/{ModelManifest.FileName}' has no model config");
        var model = new DiffusionUNet(config);
        model.to(ScalarType.Float16);
        model.load(Path.Combine(directory, manifest.File));
        model.to(ScalarType.Float32);
        model.eval();
        return (model, manifest);
    }
}
