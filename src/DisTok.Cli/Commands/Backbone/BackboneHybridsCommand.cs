using System.CommandLine;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.ML.Backbone;
using DisTok.ML.Data;
using DisTok.ML.Diffusion.Hybrids;
using DisTok.ML.Imaging;

namespace DisTok.Cli.Commands.Backbone;

/// <summary>
/// `distok backbone hybrids`: renders hybrid training pairs (two concepts fused into one image) from the
/// text-to-image model itself, or with --preview a grid comparing the ways of fusing on a few pairs.
/// </summary>
public static class BackboneHybridsCommand
{
    public static Command Create()
    {
        var defaults = new HybridSetOptions();
        var out_ = new Option<string>("--out") { Description = "Folder that receives manifest.json and images/.", DefaultValueFactory = _ => "data/hybrids" };
        var models = new Option<string>("--models") { Description = "Models folder (its diffusion/ renders).", DefaultValueFactory = _ => "models" };
        var images = new Option<int>("--images") { Description = "Hybrid images to render.", DefaultValueFactory = _ => defaults.Images };
        var seed = new Option<int>("--seed") { Description = "Seed of the pairs, weights, methods and sampling seeds.", DefaultValueFactory = _ => defaults.Seed };
        var strength = new Option<float>("--strength") { Description = "Composable sampling's total weight (2 with ½ gives each concept full guidance).", DefaultValueFactory = _ => defaults.Strength };
        var methods = new Option<string>("--methods") { Description = "Comma-separated: composable, switch, layout.", DefaultValueFactory = _ => "composable" };
        var nu = new Option<float>("--layout-nu") { Description = "Layout method: ν, the sample's share when the noised layout is mixed back in.", DefaultValueFactory = _ => defaults.LayoutNu };
        var kmin = new Option<double>("--layout-kmin") { Description = "Layout method: time after which the layout is no longer mixed in.", DefaultValueFactory = _ => defaults.LayoutKMin };
        var data = new Option<string>("--data") { Description = "Emoji data set whose real drawings give the layout method's layouts.", DefaultValueFactory = _ => "data/emoji" };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var preview = new Option<string?>("--preview") { Description = "Instead of a set: write a method-comparison grid and README into this folder." };
        var pairs = new Option<int>("--pairs") { Description = "Rows of the --preview grid.", DefaultValueFactory = _ => 8 };
        var command = new Command("hybrids", "Render hybrid training pairs (two concepts fused by composable sampling or a condition switch).")
        {
            out_, models, images, seed, methods, threads, preview, pairs, strength, data, nu, kmin,
        };
        command.SetAction(parse =>
        {
            var methodList = parse.GetValue(methods)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(m => Enum.TryParse<HybridMethod>(m, ignoreCase: true, out var v) ? v : throw new ArgumentException($"unknown hybrid method '{m}' (composable, switch, layout)"))
                .ToArray();
            var options = new HybridSetOptions(Images: parse.GetValue(images), Seed: parse.GetValue(seed), Methods: methodList, Strength: parse.GetValue(strength),
                LayoutNu: parse.GetValue(nu), LayoutKMin: parse.GetValue(kmin));
            options.Validate();
            var backboneOptions = new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = parse.GetValue(threads) };
            using var encoder = EmbeddedBackbone.LoadTextEncoder(backboneOptions);
            using var generator = EmbeddedBackbone.LoadGenerator(backboneOptions, encoder, out var manifest);
            bool needsArt = parse.GetValue(preview) is not null || methodList.Contains(HybridMethod.Layout);
            var art = needsArt ? EmojiDataset.Load(parse.GetValue(data)!) : null;
            if (parse.GetValue(preview) is { } dir)
            {
                WritePreview(dir, parse.GetValue(pairs), options, generator, encoder, art!);
                return 0;
            }
            var outDir = parse.GetValue(out_)!;
            var text = $"distok backbone hybrids --out {outDir} --images {options.Images} --seed {options.Seed} --methods {parse.GetValue(methods)}"
                + (options.Strength == 1f ? "" : FormattableString.Invariant($" --strength {options.Strength}"));
            if (art is not null) text += FormattableString.Invariant($" --data {parse.GetValue(data)} --layout-nu {options.LayoutNu} --layout-kmin {options.LayoutKMin}");
            var result = ConsoleProgress.Run("hybrids", report => HybridSetBuilder.Build(outDir, options, generator, encoder.Encode, manifest.Sha256, text,
                new SyncProgress<(int Done, int Total)>(p => report((double)p.Done / p.Total, $"{p.Done}/{p.Total} images")), art: art));
            var first = result.Images.Take(60).Select(e => File.ReadAllBytes(Path.Combine(outDir, e.File))).ToList();
            File.WriteAllBytes(Path.Combine(outDir, "sample.png"), ImageGrid.Compose(first, 10, 64));
            Console.WriteLine($"hybrids: {result.Images.Count} images in {outDir}, data_hash {result.DataHash}; the first 60 in {Path.Combine(outDir, "sample.png")}");
            return 0;
        });
        return command;
    }

    /// <summary>The columns of the preview grid, after A alone and B alone.</summary>
    static readonly (string Name, HybridMethod? Method, float WeightA, float Strength)[] Columns =
    [
        ("plain prompt \"a photo of a A B\"", null, 0f, 1f),
        ("composable ½/½", HybridMethod.Composable, 0.5f, 1f),
        ("composable 0.65/0.35", HybridMethod.Composable, 0.65f, 1f),
        ("composable 1/1 (each concept at full guidance)", HybridMethod.Composable, 0.5f, 2f),
        ("switch A→B after 6 of 20 steps", HybridMethod.Switch, 0.3f, 1f),
        ("switch A→B after 10 of 20 steps", HybridMethod.Switch, 0.5f, 1f),
        ("layout of a real drawing of A filled with B, k_max 0.8 (MagicMix)", HybridMethod.Layout, 0.5f, 1f),
        ("the same, k_max 0.86", HybridMethod.Layout, 0.35f, 1f),
    ];

    static void WritePreview(string dir, int rows, HybridSetOptions o, ML.Diffusion.Pipelines.TextToImagePipeline generator, ITextEncoder encoder,
        EmojiDataset art)
    {
        var layouts = HybridSetBuilder.LayoutsOf(art);
        var layoutRgb = HybridSetBuilder.LayoutReader(art);
        if (rows < 1 || rows > 64) throw new ArgumentException($"--pairs must be between 1 and 64, got {rows}");
        var catalog = ConceptCatalog.Default;
        var plan = HybridSetBuilder.Plan(o with { Images = rows }, catalog);
        var cells = new List<byte[]>();
        var lines = new List<string>();
        ConsoleProgress.Run("preview", report =>
        {
            for (int r = 0; r < plan.Count; r++)
            {
                var e = plan[r];
                string a = catalog.Get(e.A).PromptWord, b = catalog.Get(e.B).PromptWord;
                cells.Add(generator.Generate(new GenerationRequest($"a photo of a {a}", e.Seed)).Png);
                cells.Add(generator.Generate(new GenerationRequest($"a photo of a {b}", e.Seed)).Png);
                var drawings = layouts[e.A];
                var layout = drawings[e.Seed % drawings.Count];                    // fixed by the seed, not chosen
                foreach (var (_, method, weight, strength) in Columns)
                    cells.Add(method is { } m
                        ? HybridSetBuilder.Render(e with { Method = m, WeightA = weight, Strength = strength, Layout = layout }, generator, encoder.Encode, o,
                            catalog, layoutRgb)
                        : generator.Generate(new GenerationRequest($"a photo of a {a} {b}", e.Seed)).Png);
                lines.Add($"{r + 1}. {e.A} + {e.B} (seed {e.Seed}; layout {layout})");
                report((double)(r + 1) / plan.Count, $"{r + 1}/{plan.Count} pairs");
            }
            return 0;
        });
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "methods.png"), ImageGrid.Compose(cells, 2 + Columns.Length, 64));
        var readme = new List<string>
        {
            "# Ways of fusing two concepts on the embedded backbone", "",
            FormattableString.Invariant($"Made by `distok backbone hybrids --preview {dir} --pairs {rows} --seed {o.Seed} --layout-nu {o.LayoutNu} --layout-kmin {o.LayoutKMin}`: the first {rows} pairs the hybrid set's seed draws (none chosen by hand or by a classifier)."), "",
            "Columns: A alone, B alone, " + string.Join(", ", Columns.Select(c => c.Name)) + ".", "",
            "![methods](methods.png)", "", "Rows:", "",
        };
        File.WriteAllLines(Path.Combine(dir, "README.md"), readme.Concat(lines));
    }
}
