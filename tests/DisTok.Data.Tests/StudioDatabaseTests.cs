using DisTok.Data.Validation;
using DisTok.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Tests;

public class StudioDatabaseTests
{
    [Fact]
    public async Task Migrations_apply_twice_without_change_and_match_the_model()
    {
        await using var db = await StudioDatabase.CreateAsync();
        await db.Services.MigrateStudioDatabaseAsync(CancellationToken.None);
        await db.Services.MigrateStudioDatabaseAsync(CancellationToken.None);

        await using var context = await db.ContextAsync();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges());
        // Each migration is recorded once, however often the start-up migration runs.
        Assert.Equal(context.Database.GetMigrations(), await context.Database.SqlQueryRaw<string>("SELECT MigrationId AS Value FROM __EFMigrationsHistory ORDER BY MigrationId").ToListAsync());
    }

    [Fact]
    public async Task Connections_use_write_ahead_logging_and_a_busy_timeout()
    {
        await using var db = await StudioDatabase.CreateAsync();
        await using var context = await db.ContextAsync();
        Assert.Equal("wal", (await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Single());
        Assert.Equal(10_000, (await context.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync()).Single());
        Assert.Equal(1, (await context.Database.SqlQueryRaw<int>("PRAGMA foreign_keys").ToListAsync()).Single());
    }

    [Fact]
    public async Task Everything_survives_a_restart()
    {
        await using var db = await StudioDatabase.CreateAsync();
        var token = await db.Library.SaveAsync(Samples.PigSheep(), "kept", "notes", ["farm"], "ada", Samples.Png());
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        await db.Rooms.SetWeightAsync(room.Id, "pig", 55, "ada");
        await db.Rooms.AddImageAsync(room.Id, Samples.Image());
        var link = await db.Links.CreateForTokensAsync([token.Id], "shared");
        var revoked = await db.Links.CreateForRoomSnapshotAsync(room.Id, "gone");
        await db.Links.RevokeAsync(revoked.Id, StudioActor.Administrator);

        await db.RestartAsync();

        Assert.Equal(Samples.PigSheep() with { Name = "kept" }, (await db.Library.GetAsync(token.Id)).ToCreativeToken());
        var loaded = await db.Rooms.GetAsync(room.Id);
        Assert.Equal((2L, "pig", 55.0), (loaded.Revision, loaded.Weights.Single().Key, loaded.Weights.Single().Weight));
        Assert.Single(await db.Rooms.HistoryAsync(room.Id, 10));
        Assert.Equal(ShareLinkStatus.Ok, (await db.Links.ResolveAsync(link.Id)).Status);
        Assert.Equal(ShareLinkStatus.Revoked, (await db.Links.ResolveAsync(revoked.Id)).Status);
        Assert.Equal(3, await db.Rooms.SetWeightAsync(room.Id, "sheep", 45, "bo"));
    }

    [Fact]
    public async Task The_design_time_factory_builds_a_context_for_the_tools()
    {
        await using var context = new StudioDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.Equal(["InitialStudio", "UserStudies", "Accounts", "ModelVersions", "Owners", "PublicTokens", "ApiKeys", "TrainingLease", "RoomImageJobId"], context.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]));
        Assert.Throws<ArgumentException>(() => new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddStudioData(" "));
    }
}
