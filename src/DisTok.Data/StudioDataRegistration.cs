using DisTok.Data.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Data;

/// <summary>Adds the studio's database and stores to an app, and brings the database schema up to date at start.</summary>
public static class StudioDataRegistration
{
    /// <summary>Registers an <see cref="IDbContextFactory{StudioDbContext}"/> (so singletons and background services can make
    /// short-lived contexts) and the stores <see cref="TokenLibrary"/>, <see cref="ShareLinks"/> and <see cref="RoomStore"/> as singletons.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="connectionString">A SQLite connection string, e.g. <c>Data Source=data/studio.db</c>, or a PostgreSQL one.</param>
    /// <param name="provider">Which server <paramref name="connectionString"/> names.</param>
    public static IServiceCollection AddStudioData(this IServiceCollection services, string connectionString,
        StudioDatabaseProvider provider = StudioDatabaseProvider.Sqlite)
    {
        StudioDbOptions.Configure(new DbContextOptionsBuilder<StudioDbContext>(), provider, connectionString);
        services.AddDbContextFactory<StudioDbContext>(options => StudioDbOptions.Configure(options, provider, connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TokenLibrary>();
        services.AddSingleton<ShareLinks>();
        services.AddSingleton<RoomStore>();
        services.AddSingleton<StudyStore>();
        services.AddSingleton<StudyParticipation>();
        services.AddSingleton<ModelVersions>();
        services.AddSingleton<TrainingRuns>();
        return services;
    }

    /// <summary>Creates the database file's folder if needed (SQLite) and applies every pending migration; a no-op when the
    /// schema is current. Several nodes starting at once on PostgreSQL take turns (an advisory lock around the migration).</summary>
    public static async Task MigrateStudioDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite()) CreateFolderOf(db.Database.GetConnectionString()!);
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(ct);
            return;
        }
        // Several nodes may start at once on one PostgreSQL database. EF Core's own migration lock did not keep two of them
        // from applying the same migration (a test caught "column already exists"), so the nodes take turns here: a
        // session advisory lock, held on the context's one open connection for the whole migration.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            try { await db.Database.MigrateAsync(ct); }
            finally { await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None); }
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    /// <summary>The advisory lock key nodes take turns on while migrating ("DisTokM" in ASCII).</summary>
    public const long MigrationLockKey = 0x44_69_53_54_6F_6B_4D;

    static void CreateFolderOf(string connectionString)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.Mode != SqliteOpenMode.Memory && sqlite.DataSource is not (":memory:" or "")
            && Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource)) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
    }
}
