using DisTok.Cli.Commands;
using DisTok.ML.Tests.Cli;

namespace DisTok.ML.Tests.Vision;

[Collection("Console")]
public class ClassifyCommandTests
{
    static Task<(int Exit, string Error)> Run(params string[] args) => CliHarness.RunAsync(ClassifyCommand.Create(), args);

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
