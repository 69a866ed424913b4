using DisTok.Core.Concepts;
using DisTok.ML.Data;

namespace DisTok.ML.Vision;

/// <summary>
/// labeler_heldout_top1: for each design fold, train a head on every other design and score the held-out
/// one; then fit the temperature on all held-out logits and report ECE before and after.
/// </summary>
public static class LabelerEvaluation
{
    /// <summary>Extracts (or loads cached) features and runs the folds.</summary>
    public static LabelerEvaluationResult Run(EmojiDataset data, LabelerTrainOptions o,
        IProgress<LabelerProgress>? progress = null, CancellationToken ct = default)
    {
        using var featurizer = new ResNet18Featurizer(intraOpThreads: o.IntraOpThreads);
        return Run(data, LabelerFeatures.Extract(data, featurizer, o, progress, ct), o, DesignFolds.Default, progress, ct);
    }

    /// <summary>Runs the folds on precomputed features (views, N, 896).</summary>
    public static LabelerEvaluationResult Run(EmojiDataset data, float[][][] features, LabelerTrainOptions o,
        IReadOnlyList<string> folds, IProgress<LabelerProgress>? progress = null, CancellationToken ct = default)
    {
        var entries = data.Images.Select(i => i.Entry).ToList();
        var labels = Labels(data);
        var results = new List<FoldResult>();
        var heldLogits = new List<float[]>();
        var heldLabels = new List<int>();
        for (int f = 0; f < folds.Count; f++)
        {
            progress?.Report(new LabelerProgress($"fold {folds[f]}", f, folds.Count));
            var (train, test) = DesignFolds.Split(entries, folds[f]);
            var head = TrainHead(features, labels, train, o, StableHash.Seed(o.Seed, "fold", folds[f]), ct);
            int hits = 0;
            foreach (var i in test)
            {
                var logits = TestLogits(head, features, i, o);
                if (CalibrationMetrics.ArgMax(logits) == labels[i]) hits++;
                heldLogits.Add(logits);
                heldLabels.Add(labels[i]);
            }
            results.Add(new FoldResult(folds[f], train.Length, test.Length, (double)hits / test.Length));
        }
        progress?.Report(new LabelerProgress("folds", folds.Count, folds.Count));
        double t = TemperatureScaling.Fit(heldLogits, heldLabels);
        double Ece(double temperature) =>
            CalibrationMetrics.ExpectedCalibrationError(heldLogits.Select(l => Softmax.Apply(l, temperature)).ToList(), heldLabels);
        return new LabelerEvaluationResult(results, results.Average(r => r.Top1), t,
            TemperatureScaling.Nll(heldLogits, heldLabels, 1.0), TemperatureScaling.Nll(heldLogits, heldLabels, t),
            Ece(1.0), Ece(t));
    }

    /// <summary>Concept index of every image, in the catalog's fixed order.</summary>
    public static int[] Labels(EmojiDataset data) =>
        data.Images.Select(i => ConceptCatalog.Default.IndexOf(i.Entry.Concept)).ToArray();

    /// <summary>Trains a head on every view of the images in <paramref name="rows"/>.</summary>
    public static LabelerHead TrainHead(float[][][] features, int[] labels, IReadOnlyList<int> rows,
        LabelerTrainOptions o, int seed, CancellationToken ct)
    {
        var x = new List<float[]>(rows.Count * features.Length);
        var y = new List<int>(x.Capacity);
        foreach (var view in features)
            foreach (var i in rows) { x.Add(view[i]); y.Add(labels[i]); }
        return HeadTrainer.Train(x, y, ConceptCatalog.Default.Count, o, seed, ct);
    }

    static float[] TestLogits(LabelerHead head, float[][][] features, int i, LabelerTrainOptions o) =>
        head.Logits(features[0][i], o.FlipTestTime && o.Views > 1 ? features[1][i] : null); // view 1 is the mirror
}
