using System.CommandLine;
using DisTok.Core.Backbone;
using DisTok.Cli.Commands.DisTok;
using DisTok.ML.Backbone;

namespace DisTok.Cli.Commands;

/// <summary>`distok generate --prompt TEXT --out FILE.png`: one image from the backbone.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var prompt = new Option<string?>("--prompt") { Description = "What to draw, e.g. \"a photo of a pig\"." };
        var token = new Option<string?>("--token") { Description = "A creative token file (.json or .safetensors) that fills the template's <*>." };
        var template = new Option<string?>("--template") { Description = "Prompt with the placeholder <*> for --token (default \"a photo of a <*>\")." };
        var distok = new Option<string>("--distok") { Description = "DisTok model folder whose tokens are accepted.", DefaultValueFactory = _ => Path.Combine("models", "distok") };
        var seed = new Option<int>("--seed") { Description = "Noise seed (0 to 2147483647).", DefaultValueFactory = _ => 0 };
        var steps = new Option<int?>("--steps") { Description = "Denoising steps (default from the model)." };
        var guidance = new Option<float?>("--guidance") { Description = "Classifier-free guidance scale (default from the model)." };
        var output = new Option<string>("--out") { Description = "PNG file to write.", Required = true };
        var models = new Option<string>("--models") { Description = "Models folder.", DefaultValueFactory = _ => "models" };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };

        var command = new Command("generate", "Render a prompt through the text-to-image backbone.") { prompt, token, template, distok, seed, steps, guidance, output, models, threads };
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output)!;
            if (!outPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException($"--out must name a .png file, got '{outPath}'");
            var vector = parse.GetValue(token) is { } tokenPath ? TokenArgument.Read(tokenPath, parse.GetValue(distok)!).Vector : null;
            var text = vector is null
                ? parse.GetValue(template) is null ? parse.GetValue(prompt) ?? throw new ArgumentException("give --prompt (or --token with --template)")
                  : throw new ArgumentException("--template needs --token; use --prompt for a plain prompt")
                : parse.GetValue(template) ?? parse.GetValue(prompt) ?? "a photo of a <*>";
            if (vector is not null) Placeholder.Validate(text);
            var request = new GenerationRequest(text, parse.GetValue(seed), parse.GetValue(steps), parse.GetValue(guidance), vector);
            var options = new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = parse.GetValue(threads) };
            using var encoder = EmbeddedBackbone.LoadTextEncoder(options);
            using var generator = EmbeddedBackbone.LoadGenerator(options, encoder);
            generator.Capabilities.Resolve(request); // reject bad input before any work
            var image = generator.Generate(request);
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath))!;
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"folder '{dir}' does not exist");
            File.WriteAllBytes(outPath, image.Png);
            Console.WriteLine($"wrote {outPath} ({image.Width}×{image.Height}, {image.Steps} steps, guidance {image.Guidance}, seed {image.Seed}, {image.Elapsed.TotalMilliseconds:0} ms)");
            return 0;
        });
        return command;
    }
}
