using System.Text.Json;
using System.Text.Json.Serialization;

namespace DisTok.ML.Vision.Cnn;

/// <summary>manifest.json of the fine-tuned soft labeler (models/labeler/): weights, how they were made, held-out figures.</summary>
/// <param name="Format">"distok-labeler-cnn/1".</param>
/// <param name="Weights">Weights file (TorchSharp format, float16), relative to the folder.</param>
/// <param name="WeightsSha256">sha256 of the weights file; checked on load.</param>
/// <param name="Network">What the weights are: the trunk, its origin, the input side.</param>
/// <param name="Concepts">Concept names in output order.</param>
/// <param name="Temperature">Calibration temperature: probabilities are softmax(logits / T).</param>
/// <param name="Config">The training options.</param>
/// <param name="DataHash">data_hash of the emoji data set.</param>
/// <param name="Images">Images trained on.</param>
/// <param name="Command">Command that reproduces the weights, run from the repository root.</param>
/// <param name="Metrics">Held-out figures (leave-one-design-out), and the mixture check.</param>
public sealed record CnnLabelerManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("weights")] string Weights,
    [property: JsonPropertyName("weights_sha256")] string WeightsSha256,
    [property: JsonPropertyName("network")] string Network,
    [property: JsonPropertyName("concepts")] IReadOnlyList<string> Concepts,
    [property: JsonPropertyName("temperature")] double Temperature,
    [property: JsonPropertyName("config")] CnnLabelerOptions Config,
    [property: JsonPropertyName("data_hash")] string DataHash,
    [property: JsonPropertyName("images")] int Images,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("metrics")] Dictionary<string, double> Metrics)
{
    public const string CurrentFormat = "distok-labeler-cnn/1";
    public const string WeightsFileName = "model.bin";

    public static string NetworkName(CnnLabelerOptions o) =>
        $"ResNet18 stages 1–{o.Stages} (ImageNet weights from Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1, fine-tuned), input {o.InputSide}×{o.InputSide}, global mean, linear";
}
