namespace DisTok.Web.Observability;

/// <summary>Where the studio's metrics and traces go (section "Telemetry"). Both are off by default.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Telemetry";

    /// <summary>True serves the metrics in Prometheus's text format at <c>/metrics</c> (put it behind the proxy's access
    /// rules or scrape the nodes directly: it is not behind sign-in).</summary>
    public bool Prometheus { get; set; }

    /// <summary>An OTLP collector (e.g. <c>http://127.0.0.1:4317</c>) that receives the metrics and the traces; empty: none.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>A message for a setting that cannot work, or null.</summary>
    public string? Problem() =>
        OtlpEndpoint.Length > 0 && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")
            ? $"Telemetry:OtlpEndpoint must be an http(s) address, got '{OtlpEndpoint}'" : null;
}
