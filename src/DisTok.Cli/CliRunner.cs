using System.CommandLine;

namespace DisTok.Cli;

/// <summary>Runs the parsed command and turns expected failures into one clear line and a non-zero exit.</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        try
        {
            // Our handler, not the library's: expected errors become one line, never a stack trace.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException
                                     or DirectoryNotFoundException or FormatException or InvalidOperationException
                                     or CliException or DisTok.Core.Tokens.TokenFileException)
        {
            Console.Error.WriteLine($"distok: error: {e.Message}");
            return 2;
        }
    }
}

/// <summary>A user-facing failure whose message is the whole story.</summary>
public sealed class CliException(string message) : Exception(message);
