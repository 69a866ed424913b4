using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DisTok.Data.Storage;

/// <summary>
/// One process among those sharing the database does a job at a time (e.g. rendering studies). On SQLite there is only
/// one process, so it always leads. On PostgreSQL the leader holds a session advisory lock on a connection of its own,
/// kept open while it leads; when its process dies the server ends the session and frees the lock, and the next
/// <see cref="TryLeadAsync"/> of another process takes it.
/// </summary>
public sealed class DatabaseLeader(IDbContextFactory<StudioDbContext> contexts, long key) : IAsyncDisposable
{
    readonly SemaphoreSlim _gate = new(1, 1);
    NpgsqlConnection? _held;

    /// <summary>True when this process leads (now or from before); false while another one does.</summary>
    public async Task<bool> TryLeadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_held is { State: System.Data.ConnectionState.Open }) return true;
            await DropAsync();   // a broken connection lost the lock with it
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (!db.Database.IsNpgsql()) return true;
            // Not pooled: closing it must end the session, or the pool would keep the lock alive.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                _held = connection;
                return true;
            }
            await connection.DisposeAsync();
            return false;
        }
        finally { _gate.Release(); }
    }

    async Task DropAsync()
    {
        if (_held is null) return;
        await _held.DisposeAsync();
        _held = null;
    }

    /// <summary>Stops leading (closing the connection frees the lock).</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try { await DropAsync(); }
        finally { _gate.Release(); }
    }
}
