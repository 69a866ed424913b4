using DisTok.Data;
using DisTok.Data.Validation;

namespace DisTok.Web;

/// <summary>The studio's tunables (section "Studio" of appsettings.json): database, generation queue and room limits.</summary>
public sealed class StudioOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Studio";

    /// <summary>Single (the default: one process) or Cluster (several nodes on PostgreSQL and Redis; docs/cluster.md).</summary>
    public Cluster.StudioMode Mode { get; set; } = Cluster.StudioMode.Single;

    /// <summary>InProcess (the default: this process renders its jobs) or Workers (cluster mode only: jobs wait on the cluster's
    /// queue in Redis and `distok worker` processes render them; docs/cluster.md).</summary>
    public Cluster.GenerationMode Generation { get; set; } = Cluster.GenerationMode.InProcess;

    /// <summary>Prefix of the generation queue's keys in Redis (several studios may share one Redis). Defaults to "distok:gen:".</summary>
    public string QueuePrefix { get; set; } = Queue.RedisJobQueue.DefaultPrefix;

    /// <summary>The connection string name PostgreSQL is read from (<c>ConnectionStrings:Studio</c>).</summary>
    public const string PostgresConnectionName = "Studio";

    /// <summary>Which database holds the studio's data: "Sqlite" (the default, the file at <see cref="DatabasePath"/>) or
    /// "Postgres" (the server named by <c>ConnectionStrings:Studio</c>, which several studio nodes can share).</summary>
    public StudioDatabaseProvider Database { get; set; } = StudioDatabaseProvider.Sqlite;

    /// <summary>The SQLite database file; relative paths are taken from the current folder. Defaults to "App_Data/studio.db".</summary>
    public string DatabasePath { get; set; } = "App_Data/studio.db";

    /// <summary>Most generations waiting in the queue (all clients together). Defaults to 64.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Most generations one client may have queued or running at once; more are refused with a message. Defaults to 4.</summary>
    public int MaxJobsPerClient { get; set; } = 4;

    /// <summary>Most generations one client address may have queued or running at once, whatever cookies or connections
    /// it uses (signed-in people count against their account instead). Defaults to 8.</summary>
    public int MaxJobsPerAddress { get; set; } = 8;

    /// <summary>Most generations one account may have queued or running at once (its study renders included). Defaults to 8.</summary>
    public int MaxJobsPerAccount { get; set; } = 8;

    /// <summary>Denoising steps a room starts with. Defaults to 20.</summary>
    public int DefaultSteps { get; set; } = 20;

    /// <summary>Most concepts in one room's distribution (at most the store's limit of 16). Defaults to 16.</summary>
    public int MaxRoomConcepts { get; set; } = StudioLimits.MaxRoomConcepts;

    /// <summary>Most people in one room at once. Defaults to 32.</summary>
    public int MaxRoomMembers { get; set; } = 32;

    /// <summary>How many of a room's newest images its history gallery shows. Defaults to 24.</summary>
    public int HistoryShown { get; set; } = 24;

    /// <summary>True (the default) when Studio, Explore, the library, shared links and studies work without an account; false
    /// makes everything but signing in need one.</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>How often an open page checks its sign-in against the database (a role change or a deleted account takes
    /// effect within this), and how often a sign-in cookie is re-checked. Defaults to 60 seconds.</summary>
    public int AuthRevalidationSeconds { get; set; } = 60;

    /// <summary>Where trained DisTok versions are written (one folder per version). Defaults to "App_Data/versions".</summary>
    public string VersionsPath { get; set; } = "App_Data/versions";

    /// <summary>The SQLite connection string for <see cref="DatabasePath"/>, made absolute against the current folder.</summary>
    public string ConnectionString() => $"Data Source={Path.GetFullPath(DatabasePath)}";

    /// <summary>A message for the first setting out of range, or null when all are usable.</summary>
    public string? Problem() =>
        Mode == Cluster.StudioMode.Cluster && Database != StudioDatabaseProvider.Postgres
            ? "Studio:Mode is Cluster but Studio:Database is not Postgres: the nodes must share one PostgreSQL database"
        : Generation == Cluster.GenerationMode.Workers && Mode != Cluster.StudioMode.Cluster
            ? "Studio:Generation is Workers but Studio:Mode is not Cluster: workers take jobs from the cluster's queue in Redis"
        : string.IsNullOrWhiteSpace(QueuePrefix) ? "Studio:QueuePrefix is empty"
        : string.IsNullOrWhiteSpace(DatabasePath) ? "Studio:DatabasePath is empty"
        : string.IsNullOrWhiteSpace(VersionsPath) ? "Studio:VersionsPath is empty"
        : QueueCapacity is < 1 or > 10_000 ? $"Studio:QueueCapacity must be between 1 and 10000, got {QueueCapacity}"
        : MaxJobsPerClient is < 1 or > 1_000 ? $"Studio:MaxJobsPerClient must be between 1 and 1000, got {MaxJobsPerClient}"
        : MaxJobsPerAddress is < 1 or > 1_000 ? $"Studio:MaxJobsPerAddress must be between 1 and 1000, got {MaxJobsPerAddress}"
        : MaxJobsPerAccount is < 1 or > 1_000 ? $"Studio:MaxJobsPerAccount must be between 1 and 1000, got {MaxJobsPerAccount}"
        : DefaultSteps < 1 ? $"Studio:DefaultSteps must be at least 1, got {DefaultSteps}"
        : MaxRoomConcepts is < 1 or > StudioLimits.MaxRoomConcepts ? $"Studio:MaxRoomConcepts must be between 1 and {StudioLimits.MaxRoomConcepts}, got {MaxRoomConcepts}"
        : MaxRoomMembers < 1 ? $"Studio:MaxRoomMembers must be at least 1, got {MaxRoomMembers}"
        : AuthRevalidationSeconds is < 1 or > 3600 ? $"Studio:AuthRevalidationSeconds must be between 1 and 3600, got {AuthRevalidationSeconds}"
        : HistoryShown is < 1 or > StudioLimits.MaxRoomImages ? $"Studio:HistoryShown must be between 1 and {StudioLimits.MaxRoomImages}, got {HistoryShown}"
        : null;
}
