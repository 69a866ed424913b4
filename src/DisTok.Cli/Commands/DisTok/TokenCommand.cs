using System.CommandLine;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.ML.DisTok;

namespace DisTok.Cli.Commands.DisTok;

/// <summary>
/// `distok token --dist "pig=0.55,sheep=0.25,snake=0.2" --out t.json` or `distok token --prior gaussian --seed 7 --out t.json`:
/// one creative token from a distribution or a prior, written as a token file (.json, or .safetensors for other tools).
/// </summary>
public static class TokenCommand
{
    public static Command Create()
    {
        var dist = new Option<string?>("--dist") { Description = "Distribution over known concepts, e.g. \"pig=0.55,sheep=0.25,snake=0.2\"." };
        var prior = new Option<string?>("--prior") { Description = "Unconditional token from a prior: gaussian, laplace or cauchy." };
        var seed = new Option<int>("--seed") { Description = "Seed of the prior draw.", DefaultValueFactory = _ => 0 };
        var temperature = new Option<double>("--temperature") { Description = "Scale of the prior draw.", DefaultValueFactory = _ => 1.0 };
        var name = new Option<string?>("--name") { Description = "A name stored with the token." };
        var output = new Option<string>("--out") { Description = "Token file to write (.json, or .safetensors).", Required = true };
        var model = new Option<string>("--model") { Description = "DisTok model folder.", DefaultValueFactory = _ => Path.Combine("models", "distok") };
        var command = new Command("token", "Make a creative token from a distribution or a prior.") { dist, prior, seed, temperature, name, output, model };
        command.SetAction(parse =>
        {
            var (distText, priorText) = (parse.GetValue(dist), parse.GetValue(prior));
            if ((distText is null) == (priorText is null)) throw new ArgumentException("give either --dist or --prior (one of them)");
            var outPath = parse.GetValue(output)!;
            bool safetensors = outPath.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);
            if (!safetensors && !outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"--out must name a .json or .safetensors file, got '{outPath}'");
            var distribution = distText is null ? null : ConceptDistribution.Parse(distText, ConceptCatalog.Default);
            var priorKind = priorText is null ? (PriorKind?)null : Priors.Parse(priorText);
            if (priorKind is not null && parse.GetValue(seed) < 0) throw new ArgumentException($"--seed must not be negative, got {parse.GetValue(seed)}");
            if (distribution is { WasNormalized: true })
                Console.Error.WriteLine($"distok: note: the weights summed to {distribution.InputSum:0.####}; normalised to {distribution}");

            using var distok = DisTokModel.Load(parse.GetValue(model)!);
            var token = distribution is not null
                ? distok.TokenFor(distribution, parse.GetValue(name))
                : distok.TokenFromPrior(priorKind!.Value, parse.GetValue(seed), parse.GetValue(temperature), parse.GetValue(name));
            if (safetensors) TokenFile.ExportSafeTensors(token, outPath);
            else TokenFile.Write(token, outPath);
            Console.WriteLine($"wrote {outPath}: token for {token.Source.Describe()} (DisTok model {token.Model.Version})");
            return 0;
        });
        return command;
    }
}
