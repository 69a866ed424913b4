using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.ML.Backbone;
using DisTok.ML.DisTok;
using DisTok.ML.DisTok.Evaluation;

namespace DisTok.Cli.Commands.DisTok;

/// <summary>
/// `distok bench [--json]`: time per concept on this machine, measured in one run — DisTok token, token + image,
/// the per-concept optimisation baseline and their ratio — plus text encoding and peak memory. Medians.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var set = new Option<string>("--set") { Description = "Distributions to time (schema of eval/dev-set.json).", DefaultValueFactory = _ => Path.Combine("eval", "dev-set.json") };
        var images = new Option<int>("--images") { Description = "Items timed with an image (token + image).", DefaultValueFactory = _ => 20 };
        var optimised = new Option<int>("--optimised") { Description = "Items timed with the optimisation baseline.", DefaultValueFactory = _ => 5 };
        var optSteps = new Option<int>("--optimisation-steps") { Description = "Adam steps of the optimisation baseline.", DefaultValueFactory = _ => 200 };
        var model = new Option<string>("--model") { Description = "DisTok model folder.", DefaultValueFactory = _ => Path.Combine("models", "distok") };
        var models = new Option<string>("--models") { Description = "Backbone models folder.", DefaultValueFactory = _ => "models" };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("bench", "Time per concept: DisTok token, token + image, per-concept optimisation; text encoding; memory.")
        {
            json, set, images, optimised, optSteps, model, models, threads,
        };
        command.SetAction(parse =>
        {
            int nImages = parse.GetValue(images), nOpt = parse.GetValue(optimised);
            if (nImages is < 1 or > 1000 || nOpt is < 1 or > 1000) throw new ArgumentException("--images and --optimised must be between 1 and 1000");
            var catalog = ConceptCatalog.Default;
            var items = EvalSet.Load(parse.GetValue(set)!, catalog).Items;
            using var distok = DisTokModel.Load(parse.GetValue(model)!);
            using var backbone = LoadedBackbone.Load(new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = parse.GetValue(threads) });
            foreach (var item in items.Take(3)) distok.TokenFor(item.Distribution);                       // warm-up
            backbone.Generator.Generate(new GenerationRequest("a photo of a pig", 0));

            var tokenMs = items.SelectMany(i => Enumerable.Range(0, 10).Select(_ => Time(() => distok.TokenFor(i.Distribution)))).ToList();
            var conceptMs = items.Take(nImages).Select((item, k) => Time(() =>
                backbone.Generator.Generate(new GenerationRequest(DisTokTrainer.CreativeTemplate, k, null, null, distok.TokenFor(item.Distribution).Vector)))).ToList();
            var optimisation = new TokenOptimisationMethod(backbone.Encoder, distok.Pool, catalog, parse.GetValue(optSteps), theta2: distok.Theta2);
            var optMs = items.Take(nOpt).Select(i => Time(() => optimisation.Prepare(i.Distribution))).ToList();
            double textMs = TextEncodeTiming.MedianMs(backbone.Encoder, catalog.Concepts.Select(c => $"a photo of a {c.PromptWord}").ToArray());
            double imageMs = Stats.Median(conceptMs) - Stats.Median(tokenMs);
            var result = new JsonObject
            {
                ["token_ms_median"] = Math.Round(Stats.Median(tokenMs), 4),
                ["concept_ms_median"] = Math.Round(Stats.Median(conceptMs), 1),
                ["optimisation_token_ms_median"] = Math.Round(Stats.Median(optMs), 1),
                ["optimisation_steps"] = optimisation.Steps,
                ["optimisation_vs_distok_token"] = Math.Round(Stats.Median(optMs) / Stats.Median(tokenMs), 1),
                ["optimisation_vs_distok_concept"] = Math.Round((Stats.Median(optMs) + imageMs) / Stats.Median(conceptMs), 2),
                ["text_encode_ms_median"] = Math.Round(textMs, 2),
                ["image_steps"] = backbone.Generator.Capabilities.DefaultSteps,
                ["peak_working_set_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0),
                ["torch_threads"] = TorchSharp.torch.get_num_threads(),
                ["timed"] = new JsonObject { ["token"] = tokenMs.Count, ["concept"] = conceptMs.Count, ["optimisation"] = optMs.Count },
            };
            if (parse.GetValue(json)) Console.WriteLine(result.ToJsonString());
            else foreach (var (k, v) in result) Console.WriteLine($"{k,-32} {v?.ToJsonString()}");
            return 0;
        });
        return command;
    }

    static double Time(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalMilliseconds;
    }
}
