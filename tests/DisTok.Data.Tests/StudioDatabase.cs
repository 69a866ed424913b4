using DisTok.Data.Accounts;
using DisTok.Data.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Data.Tests;

/// <summary>A real SQLite file in its own temp folder, with migrations applied, opened the way the app opens it.</summary>
sealed class StudioDatabase : IAsyncDisposable
{
    readonly string _folder;
    ServiceProvider _services;

    StudioDatabase(string folder, ServiceProvider services)
    {
        _folder = folder;
        _services = services;
    }

    public string FilePath => Path.Combine(_folder, "studio.db");
    public string ConnectionString => $"Data Source={FilePath}";
    public IServiceProvider Services => _services;
    public TokenLibrary Library => _services.GetRequiredService<TokenLibrary>();
    public ShareLinks Links => _services.GetRequiredService<ShareLinks>();
    public RoomStore Rooms => _services.GetRequiredService<RoomStore>();
    public StudyStore Studies => _services.GetRequiredService<StudyStore>();
    public StudyParticipation Participation => _services.GetRequiredService<StudyParticipation>();

    /// <summary>A fresh database file in a new temp folder (a subfolder that does not exist yet, to prove migration creates it).</summary>
    public static async Task<StudioDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "distok-data-tests", Guid.NewGuid().ToString("N"), "db");
        var db = new StudioDatabase(folder, Build($"Data Source={Path.Combine(folder, "studio.db")}"));
        await db.Services.MigrateStudioDatabaseAsync(CancellationToken.None);
        return db;
    }

    /// <summary>Disposes everything holding the file (as a server shutdown does) and opens it again with migrations applied.</summary>
    public async Task RestartAsync()
    {
        await CloseAsync();
        _services = Build(ConnectionString);
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
        try { Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true); }
        catch (IOException) { }
    }

    async Task CloseAsync()
    {
        await _services.DisposeAsync();
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
    }

    static ServiceProvider Build(string connectionString)
    {
        var services = new ServiceCollection().AddStudioData(connectionString).AddLogging();
        services.AddStudioAccounts();
        return services.BuildServiceProvider();
    }
}
