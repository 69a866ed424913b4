using System.Text.Json;
using System.Text.Json.Nodes;
using DisTok.ML.ModelFiles;
using TorchSharp;
using static TorchSharp.torch;
using DisTok.Core.IO;

namespace DisTok.ML.DisTok;

/// <summary>
/// Saves and loads a DisTok model: network weights (float32) + concept pool + manifest.json. Weights and pool
/// are written under step-numbered names first and the manifest — which names them and their sha256 — last,
/// each atomically; older files are deleted only after that. A run killed at any moment leaves the previous
/// checkpoint loadable.
/// </summary>
public static class DisTokCheckpoint
{
    public const string ManifestName = "distok";

    /// <summary>Writes a checkpoint. <paramref name="beforeManifest"/> is a test seam that runs between the data files and the manifest.</summary>
    public static ModelManifest Save(string directory, DisTokNetwork network, ConceptPool pool, JsonObject training, string dataHash,
        string command, int step, JsonObject metrics, Action? beforeManifest = null)
    {
        Directory.CreateDirectory(directory);
        var weightsName = $"model-{step:D7}.bin";
        var poolName = $"pool-{step:D7}.json";
        AtomicFile.WriteFile(Path.Combine(directory, weightsName), tmp => network.save(tmp));
        pool.Save(Path.Combine(directory, poolName));
        beforeManifest?.Invoke();
        var config = new JsonObject
        {
            ["model"] = JsonSerializer.SerializeToNode(network.Config),
            ["training"] = training.DeepClone(),
            ["pool"] = new JsonObject
            {
                ["file"] = poolName,
                ["sha256"] = ModelManifest.Sha256Of(Path.Combine(directory, poolName)),
                ["known"] = pool.Count - pool.DiscoveredCount,
                ["discovered"] = pool.DiscoveredCount,
            },
        };
        var manifest = new ModelManifest(ManifestName, weightsName, ModelManifest.Sha256Of(Path.Combine(directory, weightsName)),
            config, dataHash, command, step, metrics);
        manifest.Save(directory);
        DeleteUnreferenced(directory, weightsName, poolName);
        return manifest;
    }

    /// <summary>Loads a verified checkpoint (weights and pool sha256 checked) with the network in eval mode.</summary>
    public static (DisTokNetwork Network, ConceptPool Pool, ModelManifest Manifest) Load(string directory)
    {
        var manifest = ModelManifest.LoadVerified(directory, ManifestName);
        var config = manifest.Config["model"]?.Deserialize<DisTokConfig>()
            ?? throw new InvalidDataException($"'{directory}/{ModelManifest.FileName}' has no model config");
        var poolFile = manifest.Config["pool"]?["file"]?.GetValue<string>()
            ?? throw new InvalidDataException($"'{directory}/{ModelManifest.FileName}' names no pool file");
        var poolPath = Path.Combine(directory, poolFile);
        if (!File.Exists(poolPath)) throw new FileNotFoundException($"concept pool '{poolPath}' is missing");
        var expected = manifest.Config["pool"]?["sha256"]?.GetValue<string>() ?? "";
        if (!string.Equals(ModelManifest.Sha256Of(poolPath), expected, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"concept pool '{poolPath}' does not match its manifest");
        var pool = ConceptPool.Load(poolPath);
        if (pool.Dimension != config.TokenDim)
            throw new InvalidDataException($"concept pool tokens have {pool.Dimension} values, the model's have {config.TokenDim}");
        var network = new DisTokNetwork(config);
        network.load(Path.Combine(directory, manifest.File));
        network.eval();
        return (network, pool, manifest);
    }

    static void DeleteUnreferenced(string directory, params string[] keep)
    {
        foreach (var pattern in new[] { "model-*.bin", "pool-*.json" })
            foreach (var file in Directory.GetFiles(directory, pattern))
                if (!keep.Contains(Path.GetFileName(file))) File.Delete(file);
    }
}
