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
            var catalog = ConceptCatalog.Default;

            double textMs = TextEncodeTiming.MedianMs(encoder, catalog.Concepts.Select(c => $"a photo of a {c.PromptWord}").ToArray());
            var generation = ConsoleProgress.Run("generation", report =>
                GenerationRecognition.Measure(generator, labeler, catalog, s, parse.GetValue(steps), (done, total) => report((double)done / total, $"{done}/{total} images")));
            var folds = ConsoleProgress.Run("labeler folds", report =>
                LabelerEvaluation.Run(dataset, labeler.Manifest!.Config with { FeatureCacheDirectory = Path.Combine(".cache", "labeler") },
                    new SyncProgress<LabelerProgress>(p => report(p.Total == 0 ? 0 : (double)p.Done / p.Total, p.Stage))));

            var result = new JsonObject
            {
                ["generation_top1"] = Math.Round(generation.Top1, 4),
                ["generation_images"] = generation.Items.Count,
                ["generation_steps"] = parse.GetValue(steps) ?? generator.Capabilities.DefaultSteps,
                ["labeler_heldout_top1"] = Math.Round(folds.MeanTop1, 4),
                ["labeler_heldout_folds"] = new JsonObject(folds.Folds.Select(f => KeyValuePair.Create(f.Fold, (JsonNode?)Math.Round(f.Top1, 4)))),
                ["labeler_ece"] = Math.Round(folds.Ece, 4),
                ["labeler_ece_before_calibration"] = Math.Round(folds.EceBefore, 4),
                ["labeler_temperature"] = Math.Round(folds.Temperature, 4),
                ["image_ms_median"] = Math.Round(generation.ImageMsMedian, 1),
                ["text_encode_ms_median"] = Math.Round(textMs, 2),
                ["torch_threads"] = TorchSharp.torch.get_num_threads(),
                ["misses"] = new JsonObject(generation.Misses().Select(m => KeyValuePair.Create(m.Concept, (JsonNode?)string.Join(",", m.TakenFor)))),
            };
            if (parse.GetValue(report) is { } dir) WriteReport(dir, generation, result, s);
            if (parse.GetValue(json)) Console.WriteLine(result.ToJsonString());
            else foreach (var (k, v) in result) Console.WriteLine($"{k,-32} {v?.ToJsonString()}");
            return 0;
        });
        return command;
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
