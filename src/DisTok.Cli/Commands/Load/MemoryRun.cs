using System.Text.Json.Nodes;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// Memory over many generations: <c>warmup</c> renders first (caches and pools fill), then <c>generations</c> more
/// through the REST API, one after another; the server's resident memory is read before, after the warm-up and after.
/// </summary>
public sealed class MemoryRun(LoadTarget target, int generations, int warmup, int steps)
{
    public async Task<JsonObject> RunAsync(IProgress<string> progress, CancellationToken ct)
    {
        var start = await target.HealthAsync(ct);
        for (int i = 0; i < warmup; i++) await Render(i, ct);
        var warm = await target.HealthAsync(ct);
        var samples = new JsonArray();
        for (int i = 0; i < generations; i++)
        {
            await Render(warmup + i, ct);
            if ((i + 1) % 50 == 0)
            {
                var now = await target.HealthAsync(ct);
                samples.Add(new JsonObject { ["generations"] = i + 1, ["working_set_mb"] = now.WorkingSetMb });
                progress.Report($"{i + 1}/{generations} generations, server working set {now.WorkingSetMb} MB");
            }
        }
        var end = await target.HealthAsync(ct);
        return new JsonObject
        {
            ["generations"] = generations,
            ["warmup_generations"] = warmup,
            ["steps"] = steps,
            ["working_set_mb_start"] = start.WorkingSetMb,
            ["working_set_mb_after_warmup"] = warm.WorkingSetMb,
            ["working_set_mb_end"] = end.WorkingSetMb,
            ["working_set_growth_mb"] = Math.Round(end.WorkingSetMb - warm.WorkingSetMb, 1),
            ["managed_heap_mb_after_warmup"] = warm.ManagedHeapMb,
            ["managed_heap_mb_end"] = end.ManagedHeapMb,
            ["samples"] = samples,
        };
    }

    // Ten people take turns, so the run measures the server's memory and not the per-address rate limit.
    readonly LoadTarget[] _people = [.. Enumerable.Range(0, 10).Select(i => target.From(LoadTarget.PersonAddress(i)))];

    async Task Render(int seed, CancellationToken ct)
    {
        var status = await _people[seed % _people.Length].RenderAsync(seed % 2 == 0 ? "pig=0.55,sheep=0.25,snake=0.2" : "owl=0.5,fox=0.5", seed, steps, ct);
        if (status != "done") throw new InvalidOperationException($"generation {seed} ended {status}");
    }
}
