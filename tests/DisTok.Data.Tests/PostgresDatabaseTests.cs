using DisTok.Data.Postgres;
using DisTok.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Data.Tests;

/// <summary>What is particular to PostgreSQL: its own migrations, several nodes migrating at once, the shared write
/// lock, and a clear refusal of a bad connection string. The store tests run on it too (the *OnPostgresTests classes).</summary>
[Trait("Database", "PostgreSQL")]
public class PostgresDatabaseTests
{
    [Fact]
    public async Task Migrations_apply_and_match_the_model()
    {
        await using var db = await StudioDatabase.CreateAsync(StudioDatabaseProvider.Postgres);
        await db.Services.MigrateStudioDatabaseAsync(CancellationToken.None);
        await using var context = await db.ContextAsync();
        Assert.True(context.Database.IsNpgsql());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Four_nodes_starting_at_once_on_an_empty_database_migrate_it_once()
    {
        await using var first = await StudioDatabase.CreateAsync(StudioDatabaseProvider.Postgres);
        await using (var context = await first.ContextAsync())
            await context.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");   // empty again
        var nodes = Enumerable.Range(0, 4)
            .Select(_ => new ServiceCollection().AddStudioData(first.ConnectionString, StudioDatabaseProvider.Postgres).BuildServiceProvider())
            .ToList();
        await Task.WhenAll(nodes.Select(n => Task.Run(() => n.MigrateStudioDatabaseAsync(CancellationToken.None))));
        await using (var context = await first.ContextAsync())
        {
            var history = await context.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync();
            Assert.Equal(context.Database.GetMigrations(), history.Order());
        }
        foreach (var n in nodes) await n.DisposeAsync();
    }

    [Fact]
    public async Task Write_transactions_of_two_nodes_run_one_after_the_other()
    {
        await using var db = await StudioDatabase.CreateAsync(StudioDatabaseProvider.Postgres);
        await using var other = new ServiceCollection().AddStudioData(db.ConnectionString, StudioDatabaseProvider.Postgres).BuildServiceProvider();
        await using var a = await db.ContextAsync();
        await using var b = await other.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var inside = 0;
        var most = 0;
        async Task<int> Hold(StudioDbContext context) => await WriteTransaction.RunAsync(context, async () =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inside));
            await Task.Delay(300);
            Interlocked.Decrement(ref inside);
            return 0;
        }, CancellationToken.None);
        await Task.WhenAll(Task.Run(() => Hold(a)), Task.Run(() => Hold(b)));
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task One_node_leads_at_a_time_and_another_takes_over_when_it_stops()
    {
        await using var db = await StudioDatabase.CreateAsync(StudioDatabaseProvider.Postgres);
        await using var other = new ServiceCollection().AddStudioData(db.ConnectionString, StudioDatabaseProvider.Postgres).BuildServiceProvider();
        var factory = db.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var a = new DatabaseLeader(factory, 42);
        await using var b = new DatabaseLeader(other.GetRequiredService<IDbContextFactory<StudioDbContext>>(), 42);
        Assert.True(await a.TryLeadAsync(CancellationToken.None));
        Assert.True(await a.TryLeadAsync(CancellationToken.None));   // still
        Assert.False(await b.TryLeadAsync(CancellationToken.None));
        await a.DisposeAsync();   // its node stops (a killed process closes the session the same way)
        Assert.True(await b.TryLeadAsync(CancellationToken.None));
        await using var c = new DatabaseLeader(factory, 43);   // another job has its own leader
        Assert.True(await c.TryLeadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task On_SQLite_the_only_process_always_leads()
    {
        await using var db = await StudioDatabase.CreateAsync(StudioDatabaseProvider.Sqlite);
        await using var leader = new DatabaseLeader(db.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>(), 42);
        Assert.True(await leader.TryLeadAsync(CancellationToken.None));
    }

    [Fact]
    public void A_connection_string_without_a_host_or_malformed_is_refused_at_registration()
    {
        var blank = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddStudioData("Database=studio", StudioDatabaseProvider.Postgres));
        Assert.Contains("no Host", blank.Message);
        var malformed = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddStudioData("Host=x;Port=notanumber", StudioDatabaseProvider.Postgres));
        Assert.Contains("malformed", malformed.Message);
    }

    [Fact]
    public void The_design_time_factory_builds_a_PostgreSQL_context_with_its_own_migrations()
    {
        using var context = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.True(context.Database.IsNpgsql());
        Assert.Equal(["InitialStudio", "TrainingLease", "RoomImageJobId"], context.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]));
    }
}
