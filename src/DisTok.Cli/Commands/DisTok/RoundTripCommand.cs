using System.CommandLine;
using System.Text.Json.Nodes;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.ML.Backbone;
using DisTok.ML.DisTok;
using DisTok.ML.DisTok.Evaluation;
using DisTok.ML.Imaging;

namespace DisTok.Cli.Commands.DisTok;

/// <summary>
/// `distok roundtrip [--json]`: the studio's remix loop on the set's weighted distributions — DisTok's token for p, its
/// image, the image's reading and the remix the studio would make of it (<see cref="ReadingDistribution.Top"/>) — and how
/// much of p comes back: KL(p ‖ reading restricted to p's support), the share of p's concepts the remix keeps, the remix's
/// mass on them, and whether its largest part is p's.
/// </summary>
public static class RoundTripCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var set = new Option<string>("--set") { Description = "Distributions (schema of eval/dev-set.json); its weighted distributions are used.", DefaultValueFactory = _ => Path.Combine("eval", "dev-set.json") };
        var seeds = new Option<int>("--seeds") { Description = "Images per distribution.", DefaultValueFactory = _ => 4 };
        var top = new Option<int>("--top") { Description = "Concepts a remix keeps at most (the studio's default).", DefaultValueFactory = _ => 3 };
        var model = new Option<string>("--model") { Description = "DisTok model folder.", DefaultValueFactory = _ => Path.Combine("models", "distok") };
        var models = new Option<string>("--models") { Description = "Backbone models folder.", DefaultValueFactory = _ => "models" };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("roundtrip", "Remix round trip: DisTok image of p → labeler reading → remix; how much of p comes back.")
        {
            json, set, seeds, top, model, models, threads,
        };
        command.SetAction(parse =>
        {
            int nSeeds = parse.GetValue(seeds), nTop = parse.GetValue(top);
            if (nSeeds is < 1 or > 64) throw new ArgumentException("--seeds must be between 1 and 64");
            if (nTop is < 1 or > 8) throw new ArgumentException("--top must be between 1 and 8");
            var catalog = ConceptCatalog.Default;
            var items = EvalSet.Load(parse.GetValue(set)!, catalog).Items.Where(i => !i.IsPair).ToList();
            if (items.Count == 0) throw new ArgumentException("the set has no weighted distributions");
            using var distok = DisTokModel.Load(parse.GetValue(model)!);
            using var backbone = LoadedBackbone.Load(new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = parse.GetValue(threads) });
            var concepts = backbone.Labeler.Concepts;
            var trips = ConsoleProgress.Run("round trip", report => items.SelectMany((item, k) => Enumerable.Range(0, nSeeds).Select(seed =>
            {
                report((double)(k * nSeeds + seed) / (items.Count * nSeeds), item.Id);
                var p = item.Distribution;
                var png = backbone.Generator.Generate(new GenerationRequest(DisTokTrainer.CreativeTemplate, seed, null, null, distok.TokenFor(p).Vector)).Png;
                UploadedImage.Check(png);
                var seen = backbone.Labeler.Classify(png);
                var (remix, _) = ReadingDistribution.Top(seen, concepts, nTop, catalog);
                var asked = p.Concepts.ToHashSet(StringComparer.OrdinalIgnoreCase);
                return new Trip(EvalMetrics.Kl(p, seen, concepts), (double)remix.Concepts.Count(asked.Contains) / asked.Count,
                    remix.Entries.Where(e => asked.Contains(e.Concept)).Sum(e => e.Weight),
                    string.Equals(remix.Entries.MaxBy(e => e.Weight)!.Concept, p.Entries.MaxBy(e => e.Weight)!.Concept, StringComparison.OrdinalIgnoreCase));
            }).ToList()).ToList());
            var result = new JsonObject
            {
                ["distributions"] = items.Count,
                ["images"] = trips.Count,
                ["top"] = nTop,
                ["kl_reading_mean"] = Math.Round(trips.Average(t => t.Kl), 4),
                ["asked_kept_mean"] = Math.Round(trips.Average(t => t.Kept), 4),
                ["remix_mass_on_asked_mean"] = Math.Round(trips.Average(t => t.MassOnAsked), 4),
                ["largest_part_match_rate"] = Math.Round(trips.Average(t => t.LargestMatches ? 1.0 : 0.0), 4),
            };
            if (parse.GetValue(json)) Console.WriteLine(result.ToJsonString());
            else foreach (var (k, v) in result) Console.WriteLine($"{k,-28} {v?.ToJsonString()}");
            return 0;
        });
        return command;
    }

    sealed record Trip(double Kl, double Kept, double MassOnAsked, bool LargestMatches);
}
