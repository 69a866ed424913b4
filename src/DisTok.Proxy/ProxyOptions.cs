namespace DisTok.Proxy;

/// <summary>Section "Proxy": the studio nodes behind the proxy.</summary>
public sealed class ProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Proxy";

    /// <summary>The nodes' base addresses, e.g. http://127.0.0.1:5081.</summary>
    public List<string> Nodes { get; set; } = [];

    /// <summary>Seconds between active health checks of each node (GET /healthz). Defaults to 2.</summary>
    public int HealthIntervalSeconds { get; set; } = 2;

    /// <summary>A message for the first setting that cannot be used, or null.</summary>
    public string? Problem()
    {
        if (Nodes.Count == 0) return "Proxy:Nodes is empty: give the studio nodes' addresses (Proxy:Nodes:0=http://127.0.0.1:5081, …)";
        foreach (var node in Nodes)
            if (!Uri.TryCreate(node, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return $"Proxy:Nodes has '{node}', which is not an http(s) address";
        if (HealthIntervalSeconds is < 1 or > 60) return $"Proxy:HealthIntervalSeconds must be between 1 and 60, got {HealthIntervalSeconds}";
        return null;
    }
}
