using System.CommandLine;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.ML.Backbone;

namespace DisTok.Cli.Commands.Backbone;

/// <summary>`distok backbone render`: "a photo of a {c}" for every concept and seed, as {concept}-{seed}.png files.</summary>
public static class BackboneRenderCommand
{
    public static Command Create()
    {
        var out_ = new Option<string>("--out") { Description = "Folder for the PNG files.", Required = true };
        var models = new Option<string>("--models") { Description = "Models folder.", DefaultValueFactory = _ => "models" };
        var first = new Option<int>("--first-seed") { Description = "First seed.", DefaultValueFactory = _ => 0 };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per concept.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var command = new Command("render", "Render every concept's plain prompt for a range of seeds into a folder (e.g. to check a labeler).")
        {
            out_, models, first, seeds, threads,
        };
        command.SetAction(parse =>
        {
            int s = parse.GetValue(seeds), f = parse.GetValue(first);
            if (s < 1 || s > 64) throw new ArgumentException($"--seeds must be between 1 and 64, got {s}");
            if (f < 0) throw new ArgumentException($"--first-seed must be 0 or more, got {f}");
            var options = new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = parse.GetValue(threads) };
            using var encoder = EmbeddedBackbone.LoadTextEncoder(options);
            using var generator = EmbeddedBackbone.LoadGenerator(options, encoder);
            var dir = parse.GetValue(out_)!;
            Directory.CreateDirectory(dir);
            var concepts = ConceptCatalog.Default.Concepts;
            ConsoleProgress.Run("render", report =>
            {
                int done = 0;
                foreach (var c in concepts)
                    for (int seed = f; seed < f + s; seed++)
                    {
                        var png = generator.Generate(new GenerationRequest($"a photo of a {c.PromptWord}", seed)).Png;
                        File.WriteAllBytes(Path.Combine(dir, $"{c.Name}-{seed}.png"), png);
                        report((double)++done / (concepts.Count * s), $"{done}/{concepts.Count * s}");
                    }
                return done;
            });
            return 0;
        });
        return command;
    }
}
