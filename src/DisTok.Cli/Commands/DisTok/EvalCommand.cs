using System.CommandLine;
using System.Text.Json.Nodes;
using DisTok.Core.Concepts;
using DisTok.Core.Tokens;
using DisTok.ML.Backbone;
using DisTok.ML.DisTok;
using DisTok.ML.DisTok.Evaluation;
using DisTok.ML.Vision;

namespace DisTok.Cli.Commands.DisTok;

/// <summary>
/// `distok eval --set FILE [--json] [--seeds S] [--report DIR]`: the evaluation protocol of method.md §5 for DisTok and,
/// in the same run on the same backbone, the baselines (plain prompt, embedding mean, per-concept optimisation, no-L_cst).
/// </summary>
public static class EvalCommand
{
    /// <summary>The methods in the order they run.</summary>
    public static readonly string[] MethodNames = ["distok", "plain_prompt", "embedding_mean", "per_concept_optimisation", "distok_no_cst"];

    public static Command Create()
    {
        var set = new Option<string>("--set") { Description = "Evaluation set (schema of eval/dev-set.json).", DefaultValueFactory = _ => Path.Combine("eval", "dev-set.json") };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var seeds = new Option<int>("--seeds") { Description = "Images per item.", DefaultValueFactory = _ => 4 };
        var priorSamples = new Option<int>("--prior-samples") { Description = "Unconditional samples per prior for diversity.", DefaultValueFactory = _ => 64 };
        var optSteps = new Option<int>("--optimisation-steps") { Description = "Adam steps of the per-concept optimisation baseline.", DefaultValueFactory = _ => 200 };
        var report = new Option<string?>("--report") { Description = "Folder for a Markdown report with image grids." };
        var model = new Option<string>("--model") { Description = "DisTok model folder.", DefaultValueFactory = _ => Path.Combine("models", "distok") };
        var noCst = new Option<string>("--no-cst-model") { Description = "The no-L_cst ablation's model folder.", DefaultValueFactory = _ => Path.Combine("models", "distok-no-cst") };
        var models = new Option<string>("--models") { Description = "Backbone models folder.", DefaultValueFactory = _ => "models" };
        var steps = new Option<int?>("--steps") { Description = "Denoising steps per image (default: the model's)." };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var only = new Option<string?>("--methods") { Description = "Comma-separated subset of the methods to run (default: all; distok is always included)." };
        var command = new Command("eval", "Evaluate DisTok and the baselines on a set: KL, support mass, pair fusion, diversity, time per concept.")
        {
            set, json, seeds, priorSamples, optSteps, report, model, noCst, models, steps, threads, only,
        };
        command.SetAction(parse =>
        {
            int s = parse.GetValue(seeds), n = parse.GetValue(priorSamples), o = parse.GetValue(optSteps);
            if (s is < 1 or > 64) throw new ArgumentException($"--seeds must be between 1 and 64, got {s}");
            if (n is < 2 or > 1024) throw new ArgumentException($"--prior-samples must be between 2 and 1024, got {n}");
            if (o is < 1 or > 10_000) throw new ArgumentException($"--optimisation-steps must be between 1 and 10000, got {o}");
            var wanted = parse.GetValue(only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("distok").ToHashSet();
            if (wanted?.Except(MethodNames).ToArray() is { Length: > 0 } unknown)
                throw new ArgumentException($"unknown method(s) {string.Join(", ", unknown)}; use {string.Join(", ", MethodNames)}");
            var catalog = ConceptCatalog.Default;
            var evalSet = EvalSet.Load(parse.GetValue(set)!, catalog);
            using var distok = DisTokModel.Load(parse.GetValue(model)!);
            using var ablation = DisTokModel.Load(parse.GetValue(noCst)!);
            using var backbone = LoadedBackbone.Load(new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = parse.GetValue(threads) });
            var judgeDir = Path.Combine(EmbeddedBackbone.ResolveModels(parse.GetValue(models)!), "judge");
            using var judge = Directory.Exists(judgeDir) ? SoftLabeler.Load(judgeDir) : null;
            var evaluator = new DisTokEvaluator(backbone, s, parse.GetValue(steps), judge);
            var singles = catalog.Concepts.Select(c => c.Name).ToList();
            EvalMethod[] methods =
            [
                new DisTokMethod("distok", distok),
                new PlainPromptMethod(catalog),
                new EmbeddingMeanMethod(backbone.Encoder, catalog),
                new TokenOptimisationMethod(backbone.Encoder, distok.Pool, catalog, o, theta2: distok.Theta2),
                new DisTokMethod("distok_no_cst", ablation),
            ];
            if (wanted is not null) methods = methods.Where(m => wanted.Contains(m.Name)).ToArray();
            var results = methods.Select(m =>
            {
                var priors = m.Model is { } pm
                    ? Enum.GetValues<PriorKind>().Select(p => ConsoleProgress.Run($"{m.Name} {p}", r => evaluator.Diversity(pm, p, n))).ToList()
                    : [];
                var result = ConsoleProgress.Run(m.Name, r => evaluator.Run(m, evalSet, priors, (done, total) => r((double)done / total, $"{done}/{total} items")));
                return m.Name is "distok" or "distok_no_cst" or "plain_prompt"
                    ? result with { SingleConcept = ConsoleProgress.Run($"{m.Name} single concepts", r => evaluator.SingleConcept(m, singles, (done, total) => r((double)done / total, $"{done}/{total} concepts"))) }
                    : result;
            }).ToList();
            var result = EvalJson.Build(evalSet, results, s, parse.GetValue(steps) ?? backbone.Generator.Capabilities.DefaultSteps, o);
            if (parse.GetValue(report) is { } dir) EvalReport.Write(dir, evalSet, results, result, s);
            if (parse.GetValue(json)) Console.WriteLine(result.ToJsonString());
            else EvalReport.PrintTable(results);
            return 0;
        });
        return command;
    }
}
