using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace DisTok.Proxy;

/// <summary>
/// One route (everything) to one cluster of studio nodes:
/// <list type="bullet">
/// <item>new visitors are spread round-robin;</item>
/// <item>cookie session affinity (<see cref="AffinityCookie"/>) keeps a browser on the node that holds its Blazor circuit,
/// and a script's SignalR negotiate and connect on the same node; when that node is down the visitor is sent to another
/// (<c>Redistribute</c>), where Blazor starts a new circuit and hub clients reconnect;</item>
/// <item>active health checks (GET /healthz; a cluster node answers 503 when it cannot reach PostgreSQL or Redis) and
/// passive ones (failed connections) take a node out of rotation until it answers again.</item>
/// </list>
/// YARP adds X-Forwarded-For/Proto/Host, which the nodes trust from loopback by default (Security:KnownProxies otherwise).
/// </summary>
public static class StudioRoutes
{
    /// <summary>The affinity cookie's name.</summary>
    public const string AffinityCookie = ".DisTok.Node";

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        new RouteConfig { RouteId = "studio", ClusterId = "studio", Match = new RouteMatch { Path = "{**catch-all}" } },
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(ProxyOptions options) =>
    [
        new ClusterConfig
        {
            ClusterId = "studio",
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = options.Nodes.Select((n, i) => (Name: $"node{i + 1}", Address: n))
                .ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Address, Health = d.Address }),
            SessionAffinity = new SessionAffinityConfig
            {
                Enabled = true, Policy = "HashCookie", FailurePolicy = "Redistribute", AffinityKeyName = AffinityCookie,
                Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax, SecurePolicy = CookieSecurePolicy.SameAsRequest },
            },
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true, Interval = TimeSpan.FromSeconds(options.HealthIntervalSeconds), Timeout = TimeSpan.FromSeconds(2),
                    Policy = "ConsecutiveFailures", Path = "/healthz",
                },
                Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(10) },
            },
        },
    ];
}
