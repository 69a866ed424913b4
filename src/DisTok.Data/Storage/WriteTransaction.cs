using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Storage;

/// <summary>
/// Runs work in a transaction that holds the studio's write lock from its start, so writers run one after another and
/// whatever a writer reads inside it cannot change before it commits. The room revision counter relies on this to give
/// every edit its own, increasing revision.
/// <list type="bullet">
/// <item>SQLite: <c>BEGIN IMMEDIATE</c> takes the database's write lock (waiting up to the busy timeout).</item>
/// <item>PostgreSQL: a read-committed transaction that first takes one transaction-scoped advisory lock, which every
/// node sharing the database waits for in turn; it is released at commit or rollback (or when a node dies).</item>
/// </list>
/// </summary>
public static class WriteTransaction
{
    /// <summary>The advisory lock key all studio writers share on PostgreSQL ("DisTok" in ASCII).</summary>
    public const long PostgresLockKey = 0x44_69_53_54_6F_6B;

    /// <summary>Runs <paramref name="work"/> inside one write transaction and commits; an exception rolls everything back.</summary>
    public static async Task<T> RunAsync<T>(StudioDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
                var result = await work();
                await transaction.CommitAsync(ct);
                return result;
            }
            else
            {
                var connection = (SqliteConnection)db.Database.GetDbConnection();
                await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                await db.Database.UseTransactionAsync(transaction, ct);
                var result = await work();
                await transaction.CommitAsync(ct);
                return result;
            }
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
