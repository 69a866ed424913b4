namespace DisTok.Proxy;

/// <summary>The cluster's front: <c>dotnet DisTok.Proxy.dll --urls http://127.0.0.1:5090
/// --Proxy:Nodes:0=http://127.0.0.1:5081 --Proxy:Nodes:1=…</c> (docs/cluster.md).</summary>
public static class ProxyProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        builder.Services.AddReverseProxy().LoadFromMemory(StudioRoutes.Routes, StudioRoutes.Clusters(options));

        var app = builder.Build();
        app.MapGet("/proxyz", () => Results.Ok(new { status = "ok", nodes = options.Nodes }));
        app.MapReverseProxy();   // session affinity, load balancing and passive health checks: YARP's default pipeline
        app.Run();
    }
}
