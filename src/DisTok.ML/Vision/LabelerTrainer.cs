using DisTok.ML.Data;

namespace DisTok.ML.Vision;

/// <summary>
/// Trains the soft labeler: (1) ResNet18 features of every image in several views, (2) leave-one-design-out
/// folds for the held-out metrics and the held-out logits, (3) temperature fitted on those logits,
/// (4) the final head on all images. Seeded: same data and options, same weights.
/// </summary>
public static class LabelerTrainer
{
    /// <summary>Runs all four steps; call <see cref="LabelerTrainResult.Save"/> to write models/labeler/.</summary>
    public static LabelerTrainResult Train(EmojiDataset data, LabelerTrainOptions o,
        IProgress<LabelerProgress>? progress = null, CancellationToken ct = default)
    {
        using var featurizer = new ResNet18Featurizer(intraOpThreads: o.IntraOpThreads);
        // 1. features: (views, N, 896)
        var features = LabelerFeatures.Extract(data, featurizer, o, progress, ct);
        // 2.–3. folds and temperature
        var evaluation = LabelerEvaluation.Run(data, features, o, DesignFolds.Default, progress, ct);
        // 4. final head on every image
        progress?.Report(new LabelerProgress("final head", 0, 1));
        var all = Enumerable.Range(0, data.Images.Count).ToArray();
        var head = LabelerEvaluation.TrainHead(features, LabelerEvaluation.Labels(data), all, o, StableHash.Seed(o.Seed, "final"), ct);
        progress?.Report(new LabelerProgress("final head", 1, 1));
        return new LabelerTrainResult(head, evaluation, o, data.Manifest.DataHash, data.Images.Count);
    }
}
