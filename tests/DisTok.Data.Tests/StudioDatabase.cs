using DisTok.Data.Accounts;
using DisTok.Data.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DisTok.Tests.Shared;
using Npgsql;

namespace DisTok.Data.Tests;

/// <summary>A real, empty studio database with migrations applied, opened the way the app opens it: a SQLite file in its
/// own temp folder, or a new database on the test PostgreSQL server (dropped again on dispose).</summary>
sealed class StudioDatabase : IAsyncDisposable
{
    readonly string _folder;
    ServiceProvider _services;

    StudioDatabase(StudioDatabaseProvider provider, string connectionString, string folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _services = Build(provider, connectionString);
    }

    public StudioDatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string FilePath => Path.Combine(_folder, "studio.db");
    public IServiceProvider Services => _services;
    public TokenLibrary Library => _services.GetRequiredService<TokenLibrary>();
    public ShareLinks Links => _services.GetRequiredService<ShareLinks>();
    public RoomStore Rooms => _services.GetRequiredService<RoomStore>();
    public StudyStore Studies => _services.GetRequiredService<StudyStore>();
    public StudyParticipation Participation => _services.GetRequiredService<StudyParticipation>();

    /// <summary>A fresh database: for SQLite a file in a new temp folder (a subfolder that does not exist yet, to prove
    /// migration creates it); for PostgreSQL a new database on the test server (<see cref="TestPostgres"/>).</summary>
    public static async Task<StudioDatabase> CreateAsync(StudioDatabaseProvider provider = StudioDatabaseProvider.Sqlite)
    {
        var folder = Path.Combine(Path.GetTempPath(), "distok-data-tests", Guid.NewGuid().ToString("N"), "db");
        var connectionString = provider == StudioDatabaseProvider.Postgres
            ? TestPostgres.CreateDatabase()
            : $"Data Source={Path.Combine(folder, "studio.db")}";
        var db = new StudioDatabase(provider, connectionString, folder);
        await db.Services.MigrateStudioDatabaseAsync(CancellationToken.None);
        return db;
    }

    /// <summary>Disposes everything holding the database (as a server shutdown does) and opens it again with migrations applied.</summary>
    public async Task RestartAsync()
    {
        await CloseAsync();
        _services = Build(Provider, ConnectionString);
        await _services.MigrateStudioDatabaseAsync(CancellationToken.None);
    }

    public async Task<StudioDbContext> ContextAsync() =>
        await _services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();

    /// <summary>The number of rows in every table, to prove a refused call stored nothing.</summary>
    public async Task<RowCounts> CountAsync()
    {
        await using var db = await ContextAsync();
        return new RowCounts(await db.Tokens.CountAsync(), await db.TokenTags.CountAsync(), await db.ShareLinks.CountAsync(),
            await db.Rooms.CountAsync(), await db.RoomWeights.CountAsync(), await db.RoomImages.CountAsync(),
            await db.Rooms.SumAsync(r => r.Revision));
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (Provider == StudioDatabaseProvider.Postgres) TestPostgres.DropDatabase(ConnectionString);
        try { Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true); }
        catch (IOException) { }   // includes a folder that was never made (PostgreSQL)
    }

    async Task CloseAsync()
    {
        await _services.DisposeAsync();
        if (Provider == StudioDatabaseProvider.Postgres)
            using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
        else
            using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
    }

    static ServiceProvider Build(StudioDatabaseProvider provider, string connectionString)
    {
        var services = new ServiceCollection().AddStudioData(connectionString, provider).AddLogging();
        services.AddStudioAccounts();
        return services.BuildServiceProvider();
    }
}
