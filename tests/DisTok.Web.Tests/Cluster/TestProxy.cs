using System.Net;
using DisTok.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Cluster;

/// <summary>The cluster's proxy (the project's own routes and cluster settings) in the test process, on a free loopback
/// port, in front of the given studio nodes; health checks every second.</summary>
public sealed class TestProxy : IAsyncDisposable
{
    readonly WebApplication _app;

    TestProxy(WebApplication app, Uri front) => (_app, Front) = (app, front);

    /// <summary>The proxy's address.</summary>
    public Uri Front { get; }

    public static async Task<TestProxy> StartAsync(params StudioAppFactory[] nodes)
    {
        var options = new ProxyOptions { Nodes = nodes.Select(n => n.BaseAddress.ToString()).ToList(), HealthIntervalSeconds = 1 };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy().LoadFromMemory(StudioRoutes.Routes, StudioRoutes.Clusters(options));
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new TestProxy(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
