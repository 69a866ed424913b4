using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// Interactive generation beside training: <c>renders</c> renders one after another with the server idle, then as many
/// while a training run started through the admin API is going, then the run is cancelled. Time-to-first-preview is
/// the time from submitting a render to its first denoising step, measured by polling the REST API every
/// <c>pollMs</c> ms. Both phases run in the same process against the same server, so their ratio is comparable.
/// </summary>
public sealed class TrainingLoadRun(LoadTarget target, string email, string password, int renders, int steps, int trainSteps, int gapMs, int pollMs)
{
    public async Task<JsonObject> RunAsync(IProgress<string> progress, CancellationToken ct)
    {
        await target.SignInAsync(email, password, ct);
        var live = (await target.GetAsync("/api/admin/training", ct)).GetProperty("live");
        if (live.ValueKind == JsonValueKind.Object && live.GetProperty("status").GetString() is "running" or "evaluating")
            throw new InvalidOperationException($"training run {live.GetProperty("run").GetInt32()} is already going; wait for it or cancel it first");

        await Renders(2, 9_000, ct);   // warm-up: first renders load and JIT
        progress.Report($"idle: {renders} renders");
        var idle = await Renders(renders, 0, ct);

        var (status, body) = await target.PostAsync("/api/admin/training", new { steps = trainSteps, sampleEvery = 0 }, ct);
        if (status != HttpStatusCode.Accepted) throw new InvalidOperationException($"could not start training: {(int)status} {body}");
        int run = body.GetProperty("run").GetInt32();
        JsonElement state;
        try
        {
            int startStep = await WaitForStepAsync(run, ct);
            progress.Report($"training run {run} going (step {startStep}): {renders} renders");
            var busy = await Renders(renders, 1_000, ct);
            state = (await target.GetAsync("/api/admin/training", ct)).GetProperty("live");
            int stepsDuring = state.GetProperty("step").GetInt32() - startStep;
            return Report(idle, busy, run, stepsDuring, state);
        }
        finally
        {
            await target.PostAsync($"/api/admin/training/{run}/cancel", null, CancellationToken.None);
            progress.Report($"training run {run} cancelled");
        }
    }

    async Task<int> WaitForStepAsync(int run, CancellationToken ct)
    {
        while (true)
        {
            var live = (await target.GetAsync("/api/admin/training", ct)).GetProperty("live");
            if (live.ValueKind == JsonValueKind.Object && live.GetProperty("run").GetInt32() == run)
            {
                var s = live.GetProperty("status").GetString();
                if (s != "running") throw new InvalidOperationException($"training run {run} ended early: {live.GetProperty("message").GetString()}");
                if (live.GetProperty("step").GetInt32() >= 2) return live.GetProperty("step").GetInt32();
            }
            await Task.Delay(100, ct);
        }
    }

    async Task<List<(double First, double Total)>> Renders(int count, int seedBase, CancellationToken ct)
    {
        var times = new List<(double, double)>();
        for (int i = 0; i < count; i++)
        {
            var (first, total, status) = await target.TimedRenderAsync(i % 2 == 0 ? "pig=0.55,sheep=0.25,snake=0.2" : "owl=0.5,fox=0.5", seedBase + i, steps, pollMs, ct);
            if (status != "done") throw new InvalidOperationException($"render {i} ended {status}");
            times.Add((first, total));
            await Task.Delay(gapMs, ct);
        }
        return times;
    }

    JsonObject Report(List<(double First, double Total)> idle, List<(double First, double Total)> busy, int run, int stepsDuring, JsonElement state)
    {
        static double R(double v) => Math.Round(v, 1);
        double idleP95 = Percentiles.Of(idle.Select(t => t.First).ToList(), 95), busyP95 = Percentiles.Of(busy.Select(t => t.First).ToList(), 95);
        return new JsonObject
        {
            ["renders_per_phase"] = renders,
            ["denoising_steps"] = steps,
            ["poll_ms"] = pollMs,
            ["gap_ms"] = gapMs,
            ["idle_first_preview_ms_p50"] = R(Percentiles.Of(idle.Select(t => t.First).ToList(), 50)),
            ["idle_first_preview_ms_p95"] = R(idleP95),
            ["training_first_preview_ms_p50"] = R(Percentiles.Of(busy.Select(t => t.First).ToList(), 50)),
            ["training_first_preview_ms_p95"] = R(busyP95),
            ["first_preview_p95_ratio"] = Math.Round(busyP95 / idleP95, 2),
            ["idle_render_ms_p50"] = R(Percentiles.Of(idle.Select(t => t.Total).ToList(), 50)),
            ["training_render_ms_p50"] = R(Percentiles.Of(busy.Select(t => t.Total).ToList(), 50)),
            ["training_run"] = run,
            ["training_steps_during_renders"] = stepsDuring,
            ["training_samples_per_second"] = state.GetProperty("samplesPerSecond").GetDouble(),
        };
    }
}
