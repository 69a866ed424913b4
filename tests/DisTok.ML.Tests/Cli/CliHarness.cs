using System.CommandLine;
using DisTok.Cli;

namespace DisTok.ML.Tests.Cli;

/// <summary>Runs one `distok` command the way the executable does and captures what it writes to stderr.</summary>
public static class CliHarness
{
    public static async Task<(int Exit, string Error)> RunAsync(Command command, params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(command);
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try { return (await CliRunner.RunAsync(root, args), error.ToString()); }
        finally { Console.SetError(previous); }
    }
}
