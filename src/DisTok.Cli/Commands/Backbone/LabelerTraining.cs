using DisTok.Core.Concepts;
using DisTok.ML.Data;
using DisTok.ML.Imaging;
using DisTok.ML.Vision;
using DisTok.ML.Vision.Cnn;

namespace DisTok.Cli.Commands.Backbone;

/// <summary>The labeler parts of `distok backbone train`: the fine-tuned labeler and the independent judge.</summary>
public static class LabelerTraining
{
    /// <summary>
    /// Fine-tunes the labeler: held-out folds (top-1, ECE, mixture KL), then the final network on every image, saved
    /// with the fold temperature. With <paramref name="checkDir"/>, also prints top-1 on a folder of {concept}-{seed}.png files.
    /// </summary>
    public static void TrainCnn(EmojiDataset dataset, CnnLabelerOptions o, IReadOnlyList<string> folds, string outDir, string command, string? checkDir)
    {
        var onnx = File.ReadAllBytes(ResNet18ModelFiles.In().Network);
        var catalog = ConceptCatalog.Default;
        var labels = LabelerEvaluation.Labels(dataset);
        var check = checkDir is null ? default((int[], byte[][])?) : ReadCheckImages(checkDir);
        var metrics = new Dictionary<string, double>();
        double temperature = 1.0;
        if (folds.Count > 0)
        {
            var (e, m) = ConsoleProgress.Run("labeler folds", report => CnnLabelerFolds.Run(dataset, o, onnx, folds,
                new SyncProgress<LabelerProgress>(p => report(p.Total == 0 ? 0 : (double)p.Done / p.Total, $"{p.Stage} epoch {p.Done}/{p.Total}"))));
            temperature = e.Temperature;
            foreach (var f in e.Folds) metrics[$"heldout_top1_{f.Fold}"] = Math.Round(f.Top1, 4);
            metrics["heldout_top1_mean"] = Math.Round(e.MeanTop1, 4);
            metrics["ece"] = Math.Round(e.Ece, 4);
            metrics["ece_before_calibration"] = Math.Round(e.EceBefore, 4);
            metrics["nll"] = Math.Round(e.Nll, 4);
            metrics["mixture_kl"] = Math.Round(m.MeanKl, 4);
            metrics["mixture_kl_cutmix"] = Math.Round(m.CutMixKl, 4);
            metrics["mixture_kl_mixup"] = Math.Round(m.MixUpKl, 4);
            metrics["mixture_kl_shape_colour"] = Math.Round(m.ShapeColourKl, 4);
            metrics["mixture_parent_mass"] = Math.Round(m.ParentMass, 4);
            Console.WriteLine($"labeler: held-out top-1 {e.MeanTop1:F4} ({string.Join(", ", e.Folds.Select(f => $"{f.Fold} {f.Top1:F3}"))}), T {e.Temperature:F3}, ECE {e.Ece:F4} (before {e.EceBefore:F4}), mixture KL {m.MeanKl:F4} (cutmix {m.CutMixKl:F4}, mixup {m.MixUpKl:F4}, shape-colour {m.ShapeColourKl:F4}, parents' mass {m.ParentMass:F3})");
        }
        var all = Enumerable.Range(0, dataset.Images.Count).ToArray();
        using var net = ConsoleProgress.Run("labeler final", report => CnnLabelerTrainer.Train(dataset.Images, labels, all, catalog.Count, o,
            StableHash.Seed(o.Seed, "final"), onnx, (e, n) => report((double)e / n, $"epoch {e}/{n}")));
        if (check is { } images)
        {
            double top1 = Top1(net, images, o.FlipTestTime);
            metrics["check_top1"] = Math.Round(top1, 4);
            Console.WriteLine($"labeler: top-1 {top1:F4} on {images.Item1.Length} images in {checkDir}");
        }
        CnnLabelerFile.Save(outDir, net, o, temperature, dataset.Manifest.DataHash, dataset.Images.Count, command, metrics);
    }

    /// <summary>
    /// The check images: {concept}-{seed}.png files (as `distok backbone render` writes) → concept indices and
    /// 64×64 RGB pixels. Read before training, so a bad folder fails before any work is done.
    /// </summary>
    public static (int[] Labels, byte[][] Rgb) ReadCheckImages(string dir)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"no check folder at '{dir}'");
        var files = Directory.GetFiles(dir, "*.png").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"no PNG files in '{dir}'");
        var labels = files.Select(f =>
        {
            var name = Path.GetFileNameWithoutExtension(f);
            int dash = name.LastIndexOf('-');
            if (dash <= 0) throw new ArgumentException($"'{f}' is not named {{concept}}-{{seed}}.png (as `distok backbone render` writes)");
            return ConceptCatalog.Default.IndexOf(name[..dash]);
        }).ToArray();
        return (labels, files.Select(f => RgbImage.DecodeToRgb(File.ReadAllBytes(f), SoftLabeler.ImageSize, f)).ToArray());
    }

    /// <summary>Top-1 of the network on the check images.</summary>
    static double Top1(ConceptNet net, (int[] Labels, byte[][] Rgb) check, bool flip)
    {
        var logits = CnnLabelerTrainer.Logits(net, check.Rgb, SoftLabeler.ImageSize, flip);
        return (double)check.Labels.Where((l, i) => CalibrationMetrics.ArgMax(logits[i]) == l).Count() / check.Labels.Length;
    }
}
