using System.CommandLine;
using System.Text.Json.Nodes;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.ML.Backbone;
using DisTok.ML.DisTok;
using DisTok.ML.DisTok.Evaluation;
using DisTok.ML.Text;

namespace DisTok.Cli.Commands.DisTok;

/// <summary>
/// `distok reach [--json]`: how close one token in "a photo of a &lt;*&gt;" gets to E(q_r) — DisTok's token, its input
/// Σ p(i)·t_i, and the free per-item optimum (the ceiling) — for the set's pairs, its weighted distributions and every
/// known concept at 100 %. Text space only: nothing is rendered.
/// </summary>
public static class ReachCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var set = new Option<string>("--set") { Description = "Distributions (schema of eval/dev-set.json).", DefaultValueFactory = _ => Path.Combine("eval", "dev-set.json") };
        var model = new Option<string>("--model") { Description = "DisTok model folder.", DefaultValueFactory = _ => Path.Combine("models", "distok") };
        var steps = new Option<int>("--steps") { Description = "Adam steps of the free optimisation.", DefaultValueFactory = _ => 500 };
        var lr = new Option<double>("--lr") { Description = "Learning rate of the free optimisation.", DefaultValueFactory = _ => 0.01 };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("reach", "How close one token in \"a photo of a <*>\" gets to E(q_r): DisTok, its input, and the free per-item optimum.")
        {
            json, set, model, steps, lr, threads,
        };
        command.SetAction(parse =>
        {
            int nSteps = parse.GetValue(steps);
            if (nSteps is < 1 or > 10_000) throw new ArgumentException("--steps must be between 1 and 10000");
            if (parse.GetValue(threads) > 0) TorchSharp.torch.set_num_threads(parse.GetValue(threads));
            var catalog = ConceptCatalog.Default;
            var items = EvalSet.Load(parse.GetValue(set)!, catalog).Items.ToList();
            var singles = catalog.Concepts.Select(c => new EvalItem("single:" + c.Name,
                ConceptDistribution.Create([KeyValuePair.Create(c.Name, 1.0)], catalog), IsPair: false)).ToList();
            using var distok = DisTokModel.Load(parse.GetValue(model)!);
            using var encoder = MiniLmTextEncoder.Load();
            var reach = TokenReach.Measure(encoder, distok, catalog, [.. items, .. singles], nSteps, parse.GetValue(lr));
            var groups = new (string Name, Func<ReachItem, bool> Has)[]
            {
                ("pairs", r => r.IsPair),
                ("distributions", r => !r.IsPair && !r.Id.StartsWith("single:")),
                ("single_concepts", r => r.Id.StartsWith("single:")),
            };
            var result = new JsonObject
            {
                ["template"] = DisTokTrainer.CreativeTemplate,
                ["free_steps"] = nSteps,
                ["theta1"] = 0.85,
            };
            foreach (var (name, has) in groups) result[name] = Summary(reach.Where(has).ToList());
            if (parse.GetValue(json)) Console.WriteLine(result.ToJsonString());
            else
            {
                Console.WriteLine($"{"",-16} {"n",3} {"input",8} {"distok",8} {"free",8}   (median cos to E(q_r); share ≥ 0.85)");
                foreach (var (name, _) in groups)
                {
                    var g = result[name]!;
                    Console.WriteLine($"{name,-16} {g["items"],3} {g["mixed_median"],8} {g["distok_median"],8} {g["free_median"],8}   {g["distok_share_theta1"]} / {g["free_share_theta1"]}");
                }
            }
            return 0;
        });
        return command;
    }

    static JsonObject Summary(IReadOnlyList<ReachItem> items)
    {
        const double theta1 = 0.85;
        double Share(Func<ReachItem, double> f) => Math.Round(items.Count(r => f(r) >= theta1) / (double)items.Count, 4);
        return new JsonObject
        {
            ["items"] = items.Count,
            ["mixed_median"] = Math.Round(Stats.Median(items.Select(r => r.Mixed)), 4),
            ["distok_median"] = Math.Round(Stats.Median(items.Select(r => r.DisTok)), 4),
            ["free_median"] = Math.Round(Stats.Median(items.Select(r => r.Free)), 4),
            ["distok_min"] = Math.Round(items.Min(r => r.DisTok), 4),
            ["free_min"] = Math.Round(items.Min(r => r.Free), 4),
            ["distok_share_theta1"] = Share(r => r.DisTok),
            ["free_share_theta1"] = Share(r => r.Free),
            ["gap_median"] = Math.Round(Stats.Median(items.Select(r => r.Free - r.DisTok)), 4),
        };
    }
}
