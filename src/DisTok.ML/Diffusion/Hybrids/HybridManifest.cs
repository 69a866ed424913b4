using System.Text.Json;
using System.Text.Json.Serialization;

namespace DisTok.ML.Diffusion.Hybrids;

/// <summary>manifest.json of a hybrid set (`distok backbone hybrids`): how it was made and one entry per image.</summary>
/// <param name="Version">Format version, currently 1.</param>
/// <param name="Size">Image side in pixels.</param>
/// <param name="DataHash">sha256 over the sorted (file, sha256 of bytes) lines, as for the emoji data set.</param>
/// <param name="GeneratorSha256">sha256 of the text-to-image weights that rendered the images.</param>
/// <param name="Command">The command that made the set.</param>
/// <param name="Options">The settings used.</param>
/// <param name="Images">One entry per image, sorted by file.</param>
/// <param name="ArtDataHash">The emoji data set's data hash when layout images came from it, else null.</param>
public sealed record HybridManifest(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("data_hash")] string DataHash,
    [property: JsonPropertyName("generator_sha256")] string GeneratorSha256,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("options")] HybridSetOptions Options,
    [property: JsonPropertyName("images")] IReadOnlyList<HybridEntry> Images,
    [property: JsonPropertyName("art_data_hash"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ArtDataHash = null)
{
    public const int CurrentVersion = 1;
    public const string FileName = "manifest.json";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, NewLine = "\n", Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}

/// <summary>One hybrid image: concepts A and B (names from the catalog), A's weight, the method and the seed.</summary>
/// <param name="File">Path relative to the set folder, e.g. images/0007-pig-sheep.png.</param>
/// <param name="A">The first concept: its weight for composable sampling, the layout for a switch.</param>
/// <param name="B">The second concept.</param>
/// <param name="WeightA">A's share in [0, 1]; B has 1 − WeightA. For a switch, the share of steps conditioned on A.</param>
/// <param name="Method">How it was sampled.</param>
/// <param name="Seed">The sampling seed.</param>
/// <param name="Strength">Composable sampling: the weights are Strength·(w_A, 1 − w_A); 2 at ½ gives each concept full guidance (1, 1).</param>
/// <param name="Layout">Layout method: the emoji data set's file of the real drawing of A that gives the layout.</param>
public sealed record HybridEntry(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("a")] string A,
    [property: JsonPropertyName("b")] string B,
    [property: JsonPropertyName("weight_a")] float WeightA,
    [property: JsonPropertyName("method")] HybridMethod Method,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("strength")] float Strength = 1f,
    [property: JsonPropertyName("layout"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Layout = null);
