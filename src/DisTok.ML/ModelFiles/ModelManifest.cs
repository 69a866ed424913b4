using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DisTok.Core.IO;

namespace DisTok.ML.ModelFiles;

/// <summary>
/// manifest.json beside a trained weights file: what it is, how to reproduce it, how well it did.
/// </summary>
/// <param name="Name">Model kind, e.g. "diffusion".</param>
/// <param name="File">Weights file name inside the model folder.</param>
/// <param name="Sha256">sha256 of the weights file (checked when loading).</param>
/// <param name="Config">The model's and the run's settings.</param>
/// <param name="DataHash">data_hash of the emoji data set it was trained on.</param>
/// <param name="Command">The command that reproduces it, from the repository root.</param>
/// <param name="Step">Optimiser steps done.</param>
/// <param name="Metrics">Measured results (filled by training and by `distok backbone eval`).</param>
public sealed record ModelManifest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("config")] JsonObject Config,
    [property: JsonPropertyName("data_hash")] string DataHash,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("step")] int Step,
    [property: JsonPropertyName("metrics")] JsonObject Metrics)
{
    public const string FileName = "manifest.json";
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Reads dir/manifest.json and checks the weights' sha256. Clear errors for missing or altered files.</summary>
    public static ModelManifest LoadVerified(string directory, string expectedName)
    {
        var path = Path.Combine(directory, FileName);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"model folder '{directory}' has no {FileName}; train it with `distok backbone train` or point to the right folder");
        ModelManifest m;
        try { m = JsonSerializer.Deserialize<ModelManifest>(System.IO.File.ReadAllText(path)) ?? throw new InvalidDataException("empty"); }
        catch (JsonException e) { throw new InvalidDataException($"'{path}' is not a valid model manifest: {e.Message}"); }
        if (m.Name != expectedName) throw new InvalidDataException($"'{path}' describes a '{m.Name}' model, expected '{expectedName}'");
        var weights = Path.Combine(directory, m.File);
        if (!System.IO.File.Exists(weights)) throw new FileNotFoundException($"model weights '{weights}' are missing");
        var actual = Sha256Of(weights);
        if (!string.Equals(actual, m.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"model weights '{weights}' do not match their manifest (sha256 {actual[..12]}… ≠ {m.Sha256[..Math.Min(12, m.Sha256.Length)]}…)");
        return m;
    }

    /// <summary>Writes the manifest atomically (temp file + rename).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }

    public static string Sha256Of(string path)
    {
        using var s = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}
