using System.Text.Json.Nodes;
using DisTok.Cli.Commands;
using DisTok.Cli.Commands.DisTok;
using DisTok.Core.Concepts;
using DisTok.Core.Tokens;
using DisTok.ML.Diffusion.Models;
using DisTok.ML.DisTok;
using DisTok.Tests.Shared;

namespace DisTok.ML.Tests.Cli;

/// <summary>`distok token` and `distok generate --token` against a tiny untrained DisTok over the 60 concepts.</summary>
[Collection("Console")]
public class TokenCommandTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("token-cli-").FullName;
    string Model => Path.Combine(dir, "distok");
    string Models => Path.Combine(dir, "models");

    public TokenCommandTests()
    {
        TinyDisTok.Write(Model);
        using var unet = new DiffusionUNet(new UNetConfig(ImageSize: 16, PatchSize: 4, Channels: [8, 16], EmbedDim: 16, Groups: 4));
        DiffusionCheckpoint.Save(unet, Path.Combine(Models, "diffusion"), new(), "test", "test fixture", 0, new());
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    Task<(int Exit, string Error)> Token(params string[] args) => CliHarness.RunAsync(TokenCommand.Create(), ["token", .. args, "--model", Model]);

    [Fact]
    public async Task A_distribution_gives_a_token_file_from_this_model()
    {
        var path = Path.Combine(dir, "t.json");
        var (exit, error) = await Token("--dist", "pig=0.55,sheep=0.25,snake=0.2", "--out", path);
        Assert.True(exit == 0, error);
        using var model = DisTokModel.Load(Model);
        var token = TokenFile.Read(path, model.Expectations);
        Assert.Equal(384, token.Vector.Length);
        Assert.Equal(0.55, token.Source.Distribution!["pig"], 6);
        Assert.Equal("", error);                                            // summed to 1: nothing to report
    }

    [Fact]
    public async Task Normalisation_is_reported_not_silent()
    {
        var (exit, error) = await Token("--dist", "pig=2,sheep=2", "--out", Path.Combine(dir, "t.json"));
        Assert.Equal(0, exit);
        Assert.Contains("summed to 4; normalised to pig=0.5,sheep=0.5", error);
    }

    [Fact]
    public async Task A_prior_token_round_trips_through_safetensors()
    {
        var path = Path.Combine(dir, "t.safetensors");
        var (exit, error) = await Token("--prior", "cauchy", "--seed", "9", "--temperature", "0.5", "--out", path);
        Assert.True(exit == 0, error);
        using var model = DisTokModel.Load(Model);
        var token = TokenFile.ImportSafeTensors(path, model.Expectations);
        Assert.Equal(model.TokenFromPrior(PriorKind.Cauchy, 9, 0.5).Vector, token.Vector);
    }

    [Theory]
    [InlineData("pig=-0.2,sheep=1", "negative")]
    [InlineData("pig=NaN,sheep=1", "NaN")]
    [InlineData("pig=1,yeti=1", "unknown concept 'yeti'")]
    [InlineData("pig=0,sheep=0", "zero")]
    [InlineData("pig=0.5,Pig=0.5", "listed twice")]
    [InlineData("pig", "pig")]
    public async Task Bad_distributions_are_one_line_and_write_nothing(string dist, string message)
    {
        var path = Path.Combine(dir, "bad.json");
        var (exit, error) = await Token("--dist", dist, "--out", path);
        Assert.Equal(2, exit);
        Assert.StartsWith("distok: error: ", error);
        Assert.Contains(message, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(new[] { "--prior", "uniform", "--out", "x.json" }, "gaussian")]
    [InlineData(new[] { "--dist", "pig=1", "--prior", "gaussian", "--out", "x.json" }, "either --dist or --prior")]
    [InlineData(new[] { "--dist", "pig=1", "--out", "x.txt" }, ".json or .safetensors")]
    public async Task Bad_arguments_are_one_line(string[] args, string message)
    {
        var (exit, error) = await Token(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    Task<(int Exit, string Error)> Generate(params string[] args) =>
        CliHarness.RunAsync(GenerateCommand.Create(), ["generate", .. args, "--distok", Model, "--models", Models, "--steps", "2"]);

    [Fact]
    public async Task Generate_renders_a_token_in_a_template()
    {
        var token = Path.Combine(dir, "t.json");
        await Token("--dist", "pig=0.5,sheep=0.5", "--out", token);
        var png = Path.Combine(dir, "out.png");
        var (exit, error) = await Generate("--token", token, "--template", "a <*> in 3d style", "--out", png);
        Assert.True(exit == 0, error);
        Assert.Equal(0x89, File.ReadAllBytes(png)[0]);
    }

    [Fact]
    public async Task Generate_refuses_templates_without_placeholder_truncated_tokens_and_tokens_of_other_models()
    {
        var token = Path.Combine(dir, "t.json");
        await Token("--dist", "pig=0.5,sheep=0.5", "--out", token);
        var png = Path.Combine(dir, "out.png");

        var (exit, error) = await Generate("--token", token, "--template", "a photo of a pig", "--out", png);
        Assert.Equal(2, exit);
        Assert.Contains("no placeholder <*>", error);

        var truncated = Path.Combine(dir, "cut.json");
        var text = File.ReadAllText(token);
        File.WriteAllText(truncated, text[..(text.Length / 2)]);
        (exit, error) = await Generate("--token", truncated, "--out", png);
        Assert.Equal(2, exit);
        Assert.Contains("truncated", error);

        var other = Path.Combine(dir, "other.json");
        using (var model = DisTokModel.Load(Model)) File.WriteAllText(other, text.Replace(model.Stamp.Sha256, new string('a', 64)));
        (exit, error) = await Generate("--token", other, "--out", png);
        Assert.Equal(2, exit);
        Assert.Contains("re-create it", error);
        Assert.False(File.Exists(png));
    }
}
