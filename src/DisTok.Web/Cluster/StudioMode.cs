namespace DisTok.Web.Cluster;

/// <summary>How the studio runs (<c>Studio:Mode</c>).</summary>
public enum StudioMode
{
    /// <summary>One process: rooms, presence, the queue and the model in its memory (the default).</summary>
    Single,

    /// <summary>One of several studio nodes behind a proxy, sharing PostgreSQL and Redis (docs/cluster.md).</summary>
    Cluster,
}

/// <summary>Who renders the studio's jobs (<c>Studio:Generation</c>).</summary>
public enum GenerationMode
{
    /// <summary>This process, one job at a time (the default).</summary>
    InProcess,

    /// <summary>`distok worker` processes taking jobs from the cluster's queue in Redis (cluster mode only).</summary>
    Workers,
}
