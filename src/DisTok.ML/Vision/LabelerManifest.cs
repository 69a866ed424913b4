using System.Text.Json;
using System.Text.Json.Serialization;

namespace DisTok.ML.Vision;

/// <summary>manifest.json of a saved soft labeler (models/labeler/): what the weights are and how they were made.</summary>
/// <param name="Format">"distok-labeler/1".</param>
/// <param name="Weights">Head weights file name, relative to the model folder.</param>
/// <param name="WeightsSha256">sha256 of the weights file; checked on load.</param>
/// <param name="Featurizer">The frozen feature extractor the head expects.</param>
/// <param name="Concepts">Concept names in output order.</param>
/// <param name="Temperature">Calibration temperature: probabilities are softmax(logits / T).</param>
/// <param name="FlipTestTime">Average the logits of the image and its mirror.</param>
/// <param name="Config">The training options.</param>
/// <param name="DataHash">data_hash of the emoji data set manifest the head was trained on.</param>
/// <param name="Images">Images trained on.</param>
/// <param name="Command">Command that reproduces these weights, run from the repository root.</param>
/// <param name="Metrics">Held-out fold metrics.</param>
public sealed record LabelerManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("weights")] string Weights,
    [property: JsonPropertyName("weights_sha256")] string WeightsSha256,
    [property: JsonPropertyName("featurizer")] string Featurizer,
    [property: JsonPropertyName("concepts")] IReadOnlyList<string> Concepts,
    [property: JsonPropertyName("temperature")] double Temperature,
    [property: JsonPropertyName("flip_test_time")] bool FlipTestTime,
    [property: JsonPropertyName("config")] LabelerTrainOptions Config,
    [property: JsonPropertyName("data_hash")] string DataHash,
    [property: JsonPropertyName("images")] int Images,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("metrics")] LabelerManifestMetrics Metrics)
{
    public const string CurrentFormat = "distok-labeler/1";
    public const string FileName = "manifest.json";
    public const string WeightsFileName = "head.bin";
    /// <summary>JSON settings for reading and writing: snake_case names, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public const string FeaturizerName = "Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1: ResNet18.onnx pooled output (512), spatial means of ReLU347_Output_0 (256) and ReLU315_Output_0 (128)";
}

/// <summary>The metrics block of <see cref="LabelerManifest"/>.</summary>
/// <param name="HeldoutTop1">Top-1 per held-out design fold.</param>
/// <param name="HeldoutTop1Mean">labeler_heldout_top1: mean over the folds.</param>
/// <param name="Ece">Held-out expected calibration error (15 bins) after temperature scaling.</param>
/// <param name="EceBeforeCalibration">The same at T = 1.</param>
/// <param name="Nll">Held-out negative log-likelihood after temperature scaling.</param>
public sealed record LabelerManifestMetrics(
    [property: JsonPropertyName("heldout_top1")] IReadOnlyDictionary<string, double> HeldoutTop1,
    [property: JsonPropertyName("heldout_top1_mean")] double HeldoutTop1Mean,
    [property: JsonPropertyName("ece")] double Ece,
    [property: JsonPropertyName("ece_before_calibration")] double EceBeforeCalibration,
    [property: JsonPropertyName("nll")] double Nll);
