using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisTok.Data.Storage;

/// <summary>
/// Sets SQLite up on every connection the studio opens: write-ahead logging so readers never wait for a writer,
/// a busy timeout so concurrent writers queue instead of failing, and NORMAL sync (safe with WAL: a committed edit
/// survives a process crash; only a power cut can lose the last moments).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for another writer's lock before SQLite reports busy, in milliseconds.</summary>
    public const int BusyTimeoutMs = 10_000;

    static readonly string Sql = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA synchronous=NORMAL;";

    /// <summary>The one instance the options share.</summary>
    public static SqlitePragmas Instance { get; } = new();

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
