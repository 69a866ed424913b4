using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DisTok.Core.Concepts;
using DisTok.ML.Backbone;
using DisTok.ML.Data;
using DisTok.ML.Imaging;
using DisTok.ML.Vision;

namespace DisTok.Cli.Commands.Backbone;

/// <summary>
/// `distok backbone eval`: measures the backbone as the foundation issue asks — recognisable
/// generations, held-out labeler accuracy and calibration, and speed — and prints one JSON object.
/// </summary>
public static class BackboneEvalCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var data = new Option<string>("--data") { Description = "The emoji data set (for the labeler's held-out folds).", DefaultValueFactory = _ => "data/emoji" };
        var models = new Option<string>("--models") { Description = "Models folder.", DefaultValueFactory = _ => "models" };
        var seeds = new Option<int>("--seeds") { Description = "Images per concept for generation_top1.", DefaultValueFactory = _ => 4 };
        var steps = new Option<int?>("--steps") { Description = "Denoising steps (default: the model's)." };
        var report = new Option<string?>("--report") { Description = "Folder for a Markdown report with the image grid." };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("eval", "Measure the backbone: generation top-1 over 60 concepts x seeds, labeler held-out top-1 and ECE, timings.")
        {
            json, data, models, seeds, steps, report, threads,
        };
        command.SetAction(parse =>
        {
            int s = parse.GetValue(seeds);
            if (s < 1 || s > 64) throw new ArgumentException($"--seeds must be between 1 and 64, got {s}");
            var options = new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = parse.GetValue(threads) };
            var modelsDir = EmbeddedBackbone.ResolveModels(options.ModelsPath);
            var dataset = EmojiDataset.Load(parse.GetValue(data)!);
            using var encoder = EmbeddedBackbone.LoadTextEncoder(options);
            using var generator = EmbeddedBackbone.LoadGenerator(options, encoder);
            using var labeler = SoftLabeler.Load(Path.Combine(modelsDir, "labeler"));
            var judgeDir = Path.Combine(modelsDir, "judge");
            using var judge = Directory.Exists(judgeDir) ? SoftLabeler.Load(judgeDir) : null;
            var catalog = ConceptCatalog.Default;

            double textMs = TextEncodeTiming.MedianMs(encoder, catalog.Concepts.Select(c => $"a photo of a {c.PromptWord}").ToArray());
            var generation = ConsoleProgress.Run("generation", report =>
                GenerationRecognition.Measure(generator, labeler, catalog, s, parse.GetValue(steps), (done, total) => report((double)done / total, $"{done}/{total} images")));
            var result = new JsonObject
            {
                ["generation_top1"] = Math.Round(generation.Top1, 4),
                ["generation_images"] = generation.Items.Count,
                ["generation_steps"] = parse.GetValue(steps) ?? generator.Capabilities.DefaultSteps,
            };
            if (judge is not null) result["generation_top1_judge"] = Math.Round(GenerationRecognition.Rescore(generation, judge).Top1, 4);
            foreach (var (key, value) in LabelerFigures(labeler, dataset, "labeler")) result[key] = value?.DeepClone();
            if (judge is not null) foreach (var (key, value) in LabelerFigures(judge, dataset, "judge")) result[key] = value?.DeepClone();
            foreach (var (key, value) in new JsonObject
            {
                ["image_ms_median"] = Math.Round(generation.ImageMsMedian, 1),
                ["text_encode_ms_median"] = Math.Round(textMs, 2),
                ["torch_threads"] = TorchSharp.torch.get_num_threads(),
                ["misses"] = new JsonObject(generation.Misses().Select(m => KeyValuePair.Create(m.Concept, (JsonNode?)string.Join(",", m.TakenFor)))),
            }) result[key] = value?.DeepClone();
            if (parse.GetValue(report) is { } dir) WriteReport(dir, generation, result, s);
            if (parse.GetValue(json)) Console.WriteLine(result.ToJsonString());
            else foreach (var (k, v) in result) Console.WriteLine($"{k,-32} {v?.ToJsonString()}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Held-out figures of a labeler. A fine-tuned network's were measured by its training command (fine-tuning each
    /// fold takes minutes) and are read from its manifest; a head on frozen features is re-run on its folds here.
    /// </summary>
    static JsonObject LabelerFigures(SoftLabeler labeler, EmojiDataset dataset, string prefix)
    {
        if (labeler.NetworkManifest is { } m)
        {
            var figures = new JsonObject { [$"{prefix}_figures_from"] = m.Command };
            foreach (var (key, value) in m.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal)) figures[$"{prefix}_{key}"] = value;
            figures[$"{prefix}_temperature"] = m.Temperature;
            return figures;
        }
        var folds = ConsoleProgress.Run($"{prefix} folds", report =>
            LabelerEvaluation.Run(dataset, labeler.Manifest!.Config with { FeatureCacheDirectory = Path.Combine(".cache", "labeler") },
                new SyncProgress<LabelerProgress>(p => report(p.Total == 0 ? 0 : (double)p.Done / p.Total, p.Stage))));
        return new JsonObject
        {
            [$"{prefix}_heldout_top1"] = Math.Round(folds.MeanTop1, 4),
            [$"{prefix}_heldout_folds"] = new JsonObject(folds.Folds.Select(f => KeyValuePair.Create(f.Fold, (JsonNode?)Math.Round(f.Top1, 4)))),
            [$"{prefix}_ece"] = Math.Round(folds.Ece, 4),
            [$"{prefix}_ece_before_calibration"] = Math.Round(folds.EceBefore, 4),
            [$"{prefix}_temperature"] = Math.Round(folds.Temperature, 4),
        };
    }

    static void WriteReport(string dir, GenerationRecognitionResult generation, JsonObject result, int seeds)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "generation-grid.png"), ImageGrid.Compose(generation.Items.Select(i => i.Png).ToList(), seeds * 6, 64));
        var lines = new List<string>
        {
            "# Backbone evaluation", "",
            $"Generated with `distok backbone eval --report {dir}`. Each row holds 6 concepts × {seeds} seeds (\"a photo of a {{c}}\"), in concepts.tsv order.", "",
            "![generations](generation-grid.png)", "",
            "```json", result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "```",
        };
        File.WriteAllLines(Path.Combine(dir, "README.md"), lines);
    }
}
