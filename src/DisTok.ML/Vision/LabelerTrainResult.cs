using System.Text.Json;
using DisTok.Core.Concepts;

namespace DisTok.ML.Vision;

/// <summary>A trained soft labeler: the head fitted on all data, the fold metrics and the calibrated temperature.</summary>
public sealed record LabelerTrainResult(LabelerHead Head, LabelerEvaluationResult Evaluation, LabelerTrainOptions Options,
    string DataHash, int Images)
{
    /// <summary>How to rebuild the weights, as recorded in the manifest.</summary>
    public const string DefaultCommand = "distok backbone train --part labeler --data data/emoji";

    /// <summary>Writes head.bin and manifest.json into <paramref name="directory"/> (created if needed).</summary>
    public LabelerManifest Save(string directory, string command = DefaultCommand)
    {
        Directory.CreateDirectory(directory);
        var weights = LabelerHeadFile.ToBytes(Head);
        File.WriteAllBytes(Path.Combine(directory, LabelerManifest.WeightsFileName), weights);
        var manifest = new LabelerManifest(
            LabelerManifest.CurrentFormat, LabelerManifest.WeightsFileName, StableHash.Sha256Hex(weights),
            LabelerManifest.FeaturizerName, ConceptCatalog.Default.Concepts.Select(c => c.Name).ToList(),
            Math.Round(Evaluation.Temperature, 4), Options.FlipTestTime, Options with { Augmentation = Options.AugmentationOrDefault }, DataHash, Images, command,
            new LabelerManifestMetrics(
                Evaluation.Folds.ToDictionary(f => f.Fold, f => Math.Round(f.Top1, 4)),
                Math.Round(Evaluation.MeanTop1, 4), Math.Round(Evaluation.Ece, 4), Math.Round(Evaluation.EceBefore, 4),
                Math.Round(Evaluation.Nll, 4)));
        File.WriteAllText(Path.Combine(directory, LabelerManifest.FileName),
            JsonSerializer.Serialize(manifest, LabelerManifest.JsonOptions) + "\n");
        return manifest;
    }
}
