using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Data.Tests.Stores;

/// <summary>Model versions, promotions and training runs on a real SQLite file, including across a restart.</summary>
public abstract class ModelVersionStoreTests(StudioDatabaseProvider provider)
{
    static ModelVersions Versions(StudioDatabase db) => db.Services.GetRequiredService<ModelVersions>();
    static TrainingRuns Runs(StudioDatabase db) => db.Services.GetRequiredService<TrainingRuns>();

    [Fact]
    public async Task Nothing_promoted_means_the_embedded_model_and_the_newest_promotion_wins_after_a_restart()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        await Versions(db).EnsureEmbeddedAsync("e0", "{}", "{}");
        Assert.Null(await Versions(db).PromotedAsync());
        await Versions(db).AddAsync(new ModelVersion { Number = 1, Folder = "v1", Sha256 = "a1", CreatedBy = "x@lab.example" });
        await Versions(db).AddAsync(new ModelVersion { Number = 2, Folder = "v2", Sha256 = "a2", CreatedBy = "x@lab.example" });

        await Versions(db).PromoteAsync(2, "x@lab.example");
        await Versions(db).PromoteAsync(1, "x@lab.example");   // a rollback
        await db.RestartAsync();

        Assert.Equal(1, (await Versions(db).PromotedAsync())!.Number);
        Assert.Equal([1, 2], (await Versions(db).PromotionsAsync()).Select(p => p.VersionNumber));
        Assert.Equal(["v2", "v1", "embedded"], (await Versions(db).ListAsync()).Select(v => v.Label));
    }

    [Fact]
    public async Task Promoting_an_unknown_version_or_adding_a_taken_number_is_refused_and_stores_nothing()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        await Versions(db).EnsureEmbeddedAsync("e0", "{}", "{}");
        await Versions(db).AddAsync(new ModelVersion { Number = 1, Folder = "v1", Sha256 = "a1" });

        await Assert.ThrowsAsync<StudioNotFoundException>(() => Versions(db).PromoteAsync(7, "x@lab.example"));
        await Assert.ThrowsAsync<StudioConflictException>(() => Versions(db).AddAsync(new ModelVersion { Number = 1, Folder = "v1b", Sha256 = "b1" }));
        await Assert.ThrowsAsync<StudioValidationException>(() => Versions(db).AddAsync(new ModelVersion { Number = 0, Sha256 = "z" }));

        Assert.Empty(await Versions(db).PromotionsAsync());
        Assert.Equal("a1", (await Versions(db).GetAsync(1)).Sha256);
        Assert.Equal("e0", (await Versions(db).GetAsync(0)).Sha256);
    }

    [Fact]
    public async Task An_evaluation_is_kept_until_the_embedded_weights_change()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        await Versions(db).EnsureEmbeddedAsync("e0", "{}", "{}");
        await Versions(db).SetEvalAsync(0, "{\"kl\":1.5}");
        await Versions(db).EnsureEmbeddedAsync("e0", "{}", "{}");          // a restart with the same weights
        Assert.Equal("{\"kl\":1.5}", (await Versions(db).GetAsync(0)).EvalJson);
        await Versions(db).EnsureEmbeddedAsync("e1", "{}", "{}");          // new embedded weights: the old figures no longer apply
        Assert.Null((await Versions(db).GetAsync(0)).EvalJson);
        await Assert.ThrowsAsync<StudioNotFoundException>(() => Versions(db).SetEvalAsync(9, "{}"));
    }

    [Fact]
    public async Task Only_one_run_is_active_even_when_two_starts_race()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var starts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try { return await Runs(db).StartAsync("{}", 10, "x@lab.example"); }
            catch (StudioConflictException) { return null; }
        })).ToList();
        var started = (await Task.WhenAll(starts)).Where(r => r is not null).ToList();

        var run = Assert.Single(started);
        var conflict = await Assert.ThrowsAsync<StudioConflictException>(() => Runs(db).StartAsync("{}", 10, "y@lab.example"));
        Assert.Contains($"training run {run!.Number} is already running", conflict.Message);

        await Runs(db).FinishAsync(run.Number, TrainingRunStatus.Cancelled, 3, "cancelled", null);
        var next = await Runs(db).StartAsync("{}", 10, "y@lab.example");
        Assert.Equal(run.Number + 1, next.Number);
    }

    [Fact]
    public async Task A_run_cut_off_by_a_stop_is_marked_interrupted_at_the_next_start_and_ended_runs_are_left_alone()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var done = await Runs(db).StartAsync("{}", 10, "x@lab.example");
        await Runs(db).FinishAsync(done.Number, TrainingRunStatus.Completed, 10, "completed", done.Number);
        var cut = await Runs(db).StartAsync("{}", 500, "x@lab.example");
        await Runs(db).ProgressAsync(cut.Number, 120, TrainingRunStatus.Running, "training: step 120 of 500");
        await db.RestartAsync();   // the process died; nothing ended the run

        Assert.Equal([cut.Number], await Runs(db).MarkInterruptedAsync());
        var after = await Runs(db).GetAsync(cut.Number);
        Assert.Equal(TrainingRunStatus.Interrupted, after.Status);
        Assert.Contains("last recorded step 120", after.Message);
        Assert.NotNull(after.EndedUtc);
        Assert.Equal(TrainingRunStatus.Completed, (await Runs(db).GetAsync(done.Number)).Status);
        Assert.Empty(await Runs(db).MarkInterruptedAsync());
    }

    sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_run_holds_its_lease_while_renewed_and_a_run_whose_lease_ran_out_no_longer_blocks_a_start()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var clock = new Clock();
        var runs = new TrainingRuns(db.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<StudioDbContext>>(), clock);
        var first = await runs.StartAsync("{}", 10, "ann@lab.example");

        // Another node starting, or starting a run, within the lease: the run is left alone.
        clock.Now += TrainingRuns.Lease - TimeSpan.FromSeconds(1);
        await Assert.ThrowsAsync<StudioConflictException>(() => runs.StartAsync("{}", 10, "bob@lab.example"));
        await runs.RenewAsync(first.Number);
        clock.Now += TrainingRuns.Lease - TimeSpan.FromSeconds(1);
        Assert.Empty(await runs.MarkInterruptedAsync(onlyExpired: true));
        Assert.Equal(TrainingRunStatus.Running, (await runs.GetAsync(first.Number)).Status);

        // No renewal for longer than the lease: the node running it died. A new start ends it and goes ahead.
        clock.Now += TimeSpan.FromSeconds(2);
        var second = await runs.StartAsync("{}", 10, "bob@lab.example");
        Assert.Equal(TrainingRunStatus.Interrupted, (await runs.GetAsync(first.Number)).Status);
        Assert.Equal(TrainingRunStatus.Running, (await runs.GetAsync(second.Number)).Status);
        // A single studio's start-up cuts off every active run, renewed or not.
        Assert.Equal([second.Number], await runs.MarkInterruptedAsync(onlyExpired: false));
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class ModelVersionStoreOnSqliteTests() : ModelVersionStoreTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class ModelVersionStoreOnPostgresTests() : ModelVersionStoreTests(StudioDatabaseProvider.Postgres);
