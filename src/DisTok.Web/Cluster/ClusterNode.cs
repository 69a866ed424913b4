namespace DisTok.Web.Cluster;

/// <summary>This studio process among the cluster's nodes.</summary>
public sealed class ClusterNode
{
    /// <summary>Unique per process start: host name, process id and a random part.</summary>
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
