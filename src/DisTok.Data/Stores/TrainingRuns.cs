using DisTok.Data.Entities;
using DisTok.Data.Storage;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Stores;

/// <summary>
/// The record of DisTok training runs. At most one is active (running or evaluating): starting checks that inside the
/// same write transaction that adds the run, so two requests at once cannot both start one.
/// </summary>
/// <param name="contexts">Makes a short-lived context per call.</param>
/// <param name="clock">The time source.</param>
public sealed class TrainingRuns(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    /// <summary>Adds run N+1 as running.</summary>
    /// <exception cref="StudioConflictException">Another run is active; the message names it.</exception>
    public async Task<TrainingRun> StartAsync(string settingsJson, int totalSteps, string by, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WriteTransaction.RunAsync(db, async () =>
        {
            // A run whose lease ran out was cut off with the process that ran it (a studio node that died): it ends here.
            await InterruptActiveAsync(db, clock.GetUtcNow() - Lease, ct);
            var active = await db.TrainingRuns.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Status == TrainingRunStatus.Running || r.Status == TrainingRunStatus.Evaluating, ct);
            if (active is not null)
                throw new StudioConflictException($"training run {active.Number} is already {active.Status} (started by {active.StartedBy}); " +
                    "only one run at a time: cancel it or wait for it to end");
            int number = (await db.TrainingRuns.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
            var run = new TrainingRun
            {
                Number = number, StartedBy = StudioInput.Label(by, "started by"), StartedUtc = clock.GetUtcNow(), HeartbeatUtc = clock.GetUtcNow(),
                SettingsJson = settingsJson, TotalSteps = totalSteps, Message = "starting",
            };
            db.TrainingRuns.Add(run);
            await db.SaveChangesAsync(ct);
            return run;
        }, ct);
    }

    /// <summary>Records progress of an active run (step and a short message; an ended run is left as it is).</summary>
    public async Task ProgressAsync(int number, int step, string status, string message, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.TrainingRuns.Where(r => r.Number == number && (r.Status == TrainingRunStatus.Running || r.Status == TrainingRunStatus.Evaluating))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Step, step).SetProperty(r => r.Status, status).SetProperty(r => r.Message, Clip(message)), ct);
    }

    /// <summary>Ends a run: completed (with its version), cancelled or failed.</summary>
    public async Task FinishAsync(int number, string status, int step, string message, int? version, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.TrainingRuns.Where(r => r.Number == number)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Step, step).SetProperty(r => r.Message, Clip(message))
                .SetProperty(r => r.VersionNumber, version).SetProperty(r => r.EndedUtc, now), ct);
    }

    /// <summary>How long a run stays active without a heartbeat (<see cref="RenewAsync"/>) before it counts as cut off.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Renews an active run's lease: the process running it is alive.</summary>
    public async Task RenewAsync(int number, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.TrainingRuns.Where(r => r.Number == number && (r.Status == TrainingRunStatus.Running || r.Status == TrainingRunStatus.Evaluating))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatUtc, now), ct);
    }

    /// <summary>At start-up: marks interrupted every run still marked active that was cut off by a stop — in a single
    /// studio all of them (<paramref name="onlyExpired"/> false: this process was the only one that could run them), in
    /// a cluster only those whose lease ran out (another node may be running one). Returns their numbers.</summary>
    public async Task<IReadOnlyList<int>> MarkInterruptedAsync(bool onlyExpired = false, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WriteTransaction.RunAsync(db, () =>
            InterruptActiveAsync(db, onlyExpired ? clock.GetUtcNow() - Lease : DateTimeOffset.MaxValue, ct), ct);
    }

    async Task<IReadOnlyList<int>> InterruptActiveAsync(StudioDbContext db, DateTimeOffset heardBefore, CancellationToken ct)
    {
        // Times are stored as UTC ticks (UtcTicksConverter): loaded and compared here, not in SQL.
        var cut = (await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Running || r.Status == TrainingRunStatus.Evaluating).ToListAsync(ct))
            .Where(r => r.HeartbeatUtc < heardBefore).ToList();
        var now = clock.GetUtcNow();
        foreach (var run in cut)
        {
            run.Status = TrainingRunStatus.Interrupted;
            run.EndedUtc = now;
            run.Message = Clip($"interrupted: the server stopped during the run (last recorded step {run.Step}); the served model was not changed");
        }
        await db.SaveChangesAsync(ct);
        return cut.Select(r => r.Number).ToList();
    }

    /// <summary>The newest runs first.</summary>
    public async Task<IReadOnlyList<TrainingRun>> ListAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TrainingRuns.AsNoTracking().OrderByDescending(r => r.Number).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
    }

    /// <summary>One run.</summary>
    /// <exception cref="StudioNotFoundException">No such run.</exception>
    public async Task<TrainingRun> GetAsync(int number, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Number == number, ct)
            ?? throw new StudioNotFoundException($"training run {number} not found");
    }

    static string Clip(string message) => message.Length <= 2000 ? message : message[..1997] + "…";
}
