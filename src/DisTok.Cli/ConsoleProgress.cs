using Spectre.Console;

namespace DisTok.Cli;

/// <summary>
/// Shows progress of long work: a Spectre.Console progress bar on a terminal, or one plain line
/// every few seconds when output goes to a file (background runs, CI logs).
/// </summary>
public static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/> with a reporter taking (fraction done 0–1, status text).</summary>
    public static T Run<T>(string title, Func<Action<double, string>, T> work)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var last = DateTime.MinValue;
            return work((fraction, status) =>
            {
                if (DateTime.UtcNow - last < TimeSpan.FromSeconds(5) && fraction < 1) return;
                last = DateTime.UtcNow;
                Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {title} {fraction * 100,5:F1}%  {status}");
            });
        }
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1.0);
                result = work((fraction, status) =>
                {
                    task.Value = Math.Clamp(fraction, 0, 1);
                    task.Description = Markup.Escape($"{title}  {status}");
                });
            });
        return result;
    }
}
