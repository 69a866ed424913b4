using DisTok.ML.Data;
using Spectre.Console;

namespace DisTok.Cli.Commands;

/// <summary>Shows <see cref="EmojiBuildProgress"/> reports as one Spectre progress bar per build stage.</summary>
sealed class DataBuildProgress(ProgressContext context) : IProgress<EmojiBuildProgress>
{
    readonly Dictionary<EmojiBuildStage, ProgressTask> _tasks = [];
    readonly Lock _lock = new();

    public void Report(EmojiBuildProgress value)
    {
        lock (_lock)
        {
            if (!_tasks.TryGetValue(value.Stage, out var task))
                _tasks[value.Stage] = task = context.AddTask(value.Stage.ToString(), maxValue: Math.Max(1, value.Total));
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Completed;
            task.Description = $"{value.Stage,-6} {Markup.Escape(Shorten(value.Item))}";
        }
    }

    static string Shorten(string text) => text.Length <= 40 ? text.PadRight(40) : "…" + text[^39..];
}
