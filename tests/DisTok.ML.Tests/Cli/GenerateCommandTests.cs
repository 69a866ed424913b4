using DisTok.Cli.Commands;
using DisTok.ML.Diffusion.Models;

namespace DisTok.ML.Tests.Cli;

/// <summary>`distok generate` against a small untrained checkpoint: bad input gets one line and a non-zero exit.</summary>
[Collection("Console")]
public class GenerateCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("generate-cli-").FullName;
    string Models => Path.Combine(_dir, "models");

    public GenerateCommandTests()
    {
        using var model = new DiffusionUNet(new UNetConfig(ImageSize: 16, PatchSize: 4, Channels: [8, 16], EmbedDim: 16, Groups: 4));
        DiffusionCheckpoint.Save(model, Path.Combine(Models, "diffusion"), new(), "test", "test fixture", 0, new());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static Task<(int Exit, string Error)> Run(params string[] args) => CliHarness.RunAsync(GenerateCommand.Create(), args);

    [Theory]
    [InlineData("", "0", "4", "3", "the prompt is empty")]
    [InlineData("a pig", "-1", "4", "3", "seed must be between")]
    [InlineData("a pig", "0", "0", "3", "steps must be between")]
    [InlineData("a pig", "0", "4", "99", "guidance must be between")]
    [InlineData("a photo of a <*>", "0", "4", "3", "no token was given")]
    public async Task Bad_settings_are_one_line_and_write_nothing(string prompt, string seed, string steps, string guidance, string message)
    {
        var output = Path.Combine(_dir, "out.png");
        var (exit, error) = await Run("generate", "--prompt", prompt, "--seed", seed, "--steps", steps, "--guidance", guidance, "--out", output, "--models", Models);
        Assert.NotEqual(0, exit);
        Assert.StartsWith("distok: error: ", error);
        Assert.Contains(message, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Missing_model_folder_is_one_line()
    {
        var (exit, error) = await Run("generate", "--prompt", "a pig", "--out", Path.Combine(_dir, "x.png"), "--models", Path.Combine(_dir, "none"));
        Assert.NotEqual(0, exit);
        Assert.Contains("has no manifest.json", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Output_must_be_a_png_file()
    {
        var (exit, error) = await Run("generate", "--prompt", "a pig", "--out", Path.Combine(_dir, "x.jpg"), "--models", Models);
        Assert.NotEqual(0, exit);
        Assert.Contains("--out must name a .png file", error);
    }

    [Fact]
    public async Task A_good_request_writes_a_png()
    {
        var output = Path.Combine(_dir, "pig.png");
        var (exit, error) = await Run("generate", "--prompt", "a photo of a pig", "--steps", "2", "--out", output, "--models", Models);
        Assert.True(exit == 0, error);
        Assert.Equal(0x89, File.ReadAllBytes(output)[0]);
    }
}
