using System.CommandLine;
using DisTok.Cli;
using DisTok.Cli.Commands;

namespace DisTok.ML.Tests.Vision;

[Collection("Console")]
public class ClassifyCommandTests
{
    static async Task<(int Exit, string Error)> Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(ClassifyCommand.Create());
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try { return (await CliRunner.RunAsync(root, args), error.ToString()); }
        finally { Console.SetError(previous); }
    }

    [Fact]
    public async Task Missing_file_is_one_line_and_a_non_zero_exit()
    {
        var (exit, error) = await Run("classify", Path.Combine(Path.GetTempPath(), "no-such-image.png"), "--json");
        Assert.NotEqual(0, exit);
        Assert.StartsWith("distok: error: no image file at", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Non_image_file_is_one_line_and_a_non_zero_exit()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "plain text, not a picture");
            var (exit, error) = await Run("classify", path);
            Assert.NotEqual(0, exit);
            Assert.Contains("is not a readable image", error);
            Assert.DoesNotContain("   at ", error);
            Assert.Single(error.Trim().Split('\n'));
        }
        finally { File.Delete(path); }
    }
}
