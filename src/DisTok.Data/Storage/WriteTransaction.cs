using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Storage;

/// <summary>
/// Runs work in a SQLite <c>BEGIN IMMEDIATE</c> transaction: it takes the database's write lock at the start, so
/// writers run one after another (waiting up to the busy timeout) and whatever a writer reads inside it cannot change
/// before it commits. The room revision counter relies on this to give every edit its own, increasing revision.
/// </summary>
public static class WriteTransaction
{
    /// <summary>Runs <paramref name="work"/> inside one immediate transaction and commits; an exception rolls everything back.</summary>
    public static async Task<T> RunAsync<T>(StudioDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            await db.Database.UseTransactionAsync(transaction, ct);
            var result = await work();
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
