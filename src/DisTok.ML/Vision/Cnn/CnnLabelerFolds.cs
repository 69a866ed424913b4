using DisTok.Core.Concepts;
using DisTok.ML.Data;

namespace DisTok.ML.Vision.Cnn;

/// <summary>
/// Held-out quality of the fine-tuned labeler: for each design fold, fine-tune on every other design and read the
/// held-out one (top-1, logits) and its mixtures (<see cref="MixtureCheck"/>); then fit one temperature on all
/// held-out logits and report ECE before and after, and the mixtures' KL at that temperature.
/// </summary>
public static class CnnLabelerFolds
{
    public static (LabelerEvaluationResult Evaluation, MixtureResult Mixture) Run(EmojiDataset data, CnnLabelerOptions o, byte[] resnet18Onnx,
        IReadOnlyList<string> folds, IProgress<LabelerProgress>? progress = null, CancellationToken ct = default)
    {
        var images = data.Images;
        var labels = LabelerEvaluation.Labels(data);
        var entries = images.Select(i => i.Entry).ToList();
        int classes = ConceptCatalog.Default.Count, size = data.Manifest.Size;
        var results = new List<FoldResult>();
        var heldLogits = new List<float[]>();
        var heldLabels = new List<int>();
        var mixtures = new List<MixtureItem>();
        var mixtureLogits = new List<float[]>();
        foreach (var fold in folds)
        {
            var (train, test) = DesignFolds.Split(entries, fold);
            using var net = CnnLabelerTrainer.Train(images, labels, train, classes, o, StableHash.Seed(o.Seed, "fold", fold), resnet18Onnx,
                (e, n) => progress?.Report(new LabelerProgress($"fold {fold}", e, n)), ct);
            var logits = CnnLabelerTrainer.Logits(net, test.Select(i => images[i].Rgb).ToArray(), size, o.FlipTestTime);
            int hits = test.Where((row, k) => CalibrationMetrics.ArgMax(logits[k]) == labels[row]).Count();
            results.Add(new FoldResult(fold, train.Length, test.Length, (double)hits / test.Length));
            heldLogits.AddRange(logits);
            heldLabels.AddRange(test.Select(i => labels[i]));
            var mixed = MixtureCheck.Make(images, labels, test, StableHash.Seed(o.Seed, "mixtures", fold));
            mixtures.AddRange(mixed);
            mixtureLogits.AddRange(CnnLabelerTrainer.Logits(net, mixed.Select(m => m.Rgb).ToArray(), size, o.FlipTestTime));
        }
        double t = TemperatureScaling.Fit(heldLogits, heldLabels);
        double Ece(double temperature) =>
            CalibrationMetrics.ExpectedCalibrationError(heldLogits.Select(l => Softmax.Apply(l, temperature)).ToList(), heldLabels);
        var evaluation = new LabelerEvaluationResult(results, results.Average(r => r.Top1), t,
            TemperatureScaling.Nll(heldLogits, heldLabels, 1.0), TemperatureScaling.Nll(heldLogits, heldLabels, t), Ece(1.0), Ece(t));
        var mixture = MixtureCheck.Score(mixtures, mixtureLogits.Select(l => Softmax.Apply(l, t)).ToList(), labels);
        return (evaluation, mixture);
    }
}
