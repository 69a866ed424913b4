using System.Net;

namespace DisTok.Web.Security;

/// <summary>How the studio is exposed (section "Security" of appsettings.json): the proxy in front of it, HTTPS, the
/// origins it trusts and where its cookie-signing keys live.</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Security";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For, -Proto and -Host headers are believed (the loopback
    /// network is always believed). A request from any other address keeps its own address, scheme and host.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. "10.0.0.0/8") whose proxies are believed, for proxies without a fixed address.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Redirect plain HTTP to HTTPS (off by default: the studio listens on loopback and a TLS proxy usually
    /// terminates HTTPS).</summary>
    public bool HttpsRedirection { get; set; }

    /// <summary>Send Strict-Transport-Security on HTTPS responses (outside Development). Off by default; turn it on only
    /// when the host is always served over HTTPS.</summary>
    public bool Hsts { get; set; }

    /// <summary>Origins besides the studio's own (e.g. "https://studio.example.org") whose pages may open hub connections
    /// or send cookie-carrying API requests.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>The folder that keeps the keys cookies and antiforgery tokens are signed with, so a restart or a second
    /// instance sharing it does not sign everyone out. Defaults to "App_Data/keys".</summary>
    public string KeysPath { get; set; } = "App_Data/keys";

    /// <summary>A message for the first setting that cannot be used, or null when all are usable.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(KeysPath)) return "Security:KeysPath is empty";
        foreach (var proxy in KnownProxies)
            if (!IPAddress.TryParse(proxy, out _)) return $"Security:KnownProxies: '{proxy}' is not an IP address";
        foreach (var network in KnownNetworks)
            if (!IPNetwork.TryParse(network, out _)) return $"Security:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/8)";
        foreach (var origin in AllowedOrigins)
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
                return $"Security:AllowedOrigins: '{origin}' is not an origin such as https://studio.example.org";
        return null;
    }
}
