using DisTok.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data;

/// <summary>How the studio's contexts talk to SQLite; shared by the app and the design-time factory.</summary>
public static class StudioDbOptions
{
    /// <summary>Uses SQLite at <paramref name="connectionString"/> with the studio's pragmas (WAL, busy timeout).</summary>
    /// <exception cref="ArgumentException">The connection string is blank, malformed, or names no data source.</exception>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw new ArgumentException("the studio database connection string is empty", nameof(connectionString));
        var parsed = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(parsed.DataSource))
            throw new ArgumentException("the studio database connection string has no Data Source", nameof(connectionString));
        return options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(StudioDbContext).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmas.Instance);
    }
}
