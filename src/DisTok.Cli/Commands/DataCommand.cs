using System.CommandLine;
using DisTok.ML.Data;
using Spectre.Console;

namespace DisTok.Cli.Commands;

/// <summary><c>distok data build</c>: builds the emoji data set from the pinned npm packages.</summary>
public static class DataCommand
{
    /// <summary>Concepts with fewer images than this are listed after the build.</summary>
    const int FewStyles = 5;

    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder to write the data set to (manifest.json, NOTICE.md, images/)",
            DefaultValueFactory = _ => "data/emoji",
        };
        var cache = new Option<string>("--cache")
        {
            Description = "Folder of npm package tarballs; missing ones are fetched with npm pack",
            DefaultValueFactory = _ => ".cache/npm",
        };
        var build = new Command("build", "Build the 64×64 emoji data set from the pinned emoji packages") { output, cache };
        build.SetAction((parse, ct) => BuildAsync(parse.GetValue(output)!, parse.GetValue(cache)!, ct));
        return new Command("data", "Emoji data set") { build };
    }

    static async Task<int> BuildAsync(string output, string cache, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(output)) throw new ArgumentException("--out needs a folder");
        if (string.IsNullOrWhiteSpace(cache)) throw new ArgumentException("--cache needs a folder");
        var options = new EmojiBuildOptions { OutputDirectory = output, CacheDirectory = cache };

        EmojiBuildSummary? summary = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context => summary = await EmojiDatasetBuilder.BuildAsync(options, new DataBuildProgress(context), ct));

        Print(summary!);
        return 0;
    }

    static void Print(EmojiBuildSummary summary)
    {
        var table = new Table().AddColumns("Style", "Design", "Package", "Images", "Missing concepts");
        table.Columns[3].RightAligned();
        foreach (var s in summary.Styles)
            table.AddRow(s.Style, s.Design, Markup.Escape(s.Package), s.Images.ToString(),
                s.MissingConcepts.Count == 0 ? "-" : Markup.Escape(string.Join(", ", s.MissingConcepts)));
        table.AddRow("[bold]total[/]", "", "", $"[bold]{summary.TotalImages}[/]", "");
        AnsiConsole.Write(table);

        var few = summary.StylesPerConcept.Where(c => c.Value < FewStyles).Select(c => $"{c.Key} ({c.Value})").ToArray();
        if (few.Length > 0) AnsiConsole.MarkupLine($"Concepts with fewer than {FewStyles} images: {Markup.Escape(string.Join(", ", few))}");
        AnsiConsole.MarkupLine($"Wrote {summary.TotalImages} images to [bold]{Markup.Escape(summary.OutputDirectory)}[/]");
        AnsiConsole.MarkupLine($"data_hash {summary.DataHash}");
    }
}
