namespace DisTok.Data;

/// <summary>Which database server holds the studio's data.</summary>
public enum StudioDatabaseProvider
{
    /// <summary>A SQLite file beside the app: one process, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server that several studio nodes and workers share (cluster mode).</summary>
    Postgres,
}
