using DisTok.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DisTok.Data;

/// <summary>How the studio's contexts talk to their database; shared by the app, the CLI and the design-time factories.</summary>
public static class StudioDbOptions
{
    /// <summary>The assembly that holds the PostgreSQL migrations (the SQLite ones live in this assembly).</summary>
    public const string PostgresMigrationsAssembly = "DisTok.Data.Postgres";

    /// <summary>Uses SQLite at <paramref name="connectionString"/> with the studio's pragmas (WAL, busy timeout).</summary>
    /// <exception cref="ArgumentException">The connection string is blank, malformed, or names no data source.</exception>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        Configure(options, StudioDatabaseProvider.Sqlite, connectionString);

    /// <summary>Uses <paramref name="provider"/> at <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">The connection string is blank, malformed, or names no data source or host.</exception>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, StudioDatabaseProvider provider, string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw new ArgumentException("the studio database connection string is empty", nameof(connectionString));
        if (provider == StudioDatabaseProvider.Postgres)
        {
            NpgsqlConnectionStringBuilder parsed;
            try { parsed = new NpgsqlConnectionStringBuilder(connectionString); }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new ArgumentException($"the PostgreSQL connection string is malformed: {e.Message}", nameof(connectionString), e);
            }
            if (string.IsNullOrWhiteSpace(parsed.Host))
                throw new ArgumentException("the PostgreSQL connection string has no Host", nameof(connectionString));
            return options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(sqlite.DataSource))
            throw new ArgumentException("the studio database connection string has no Data Source", nameof(connectionString));
        return options
            .UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(StudioDbContext).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmas.Instance);
    }
}
