using DisTok.Cli.Commands.DisTok;

namespace DisTok.ML.Tests.Cli;

[Collection("Console")]
public class EvalCommandTests
{
    [Fact]
    public async Task An_unknown_method_is_one_line_naming_the_known_ones_before_anything_loads()
    {
        var (exit, error) = await CliHarness.RunAsync(EvalCommand.Create(), ["eval", "--methods", "distok,plain_prompt,magic", "--model", "no-such-folder"]);
        Assert.NotEqual(0, exit);
        Assert.StartsWith("distok: error: unknown method(s) magic; use distok, plain_prompt", error);
        Assert.Single(error.Trim().Split('\n'));
    }
}
