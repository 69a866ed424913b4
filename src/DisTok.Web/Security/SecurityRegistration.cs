using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace DisTok.Web.Security;

/// <summary>Wires <see cref="SecurityOptions"/>: forwarded headers (client address, scheme and host) from known proxies, HTTPS redirection and HSTS when
/// configured, cookies marked Secure over HTTPS, persisted Data Protection keys and the <see cref="CrossSiteGuard"/>.</summary>
public static class SecurityRegistration
{
    /// <summary>The Data Protection application name: instances sharing the keys folder must agree on it.</summary>
    public const string ApplicationName = "DisTok.Studio";

    /// <summary>Binds the options (refused at start with the first setting that cannot be used) and registers the services.</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        var options = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in options.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in options.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        // A cluster keeps its keys in Redis (Cluster/ClusterRegistration), so that every node reads every cookie.
        var protection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!Cluster.ClusterRegistration.IsCluster(builder.Configuration))
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(options.KeysPath)));
        builder.Services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        if (options.Hsts) builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(180));
        return builder;
    }

    /// <summary>Forwarded headers first (so the address, scheme and every later check see the client's), then HTTPS
    /// redirection and HSTS when configured.</summary>
    public static WebApplication UseForwardedRequest(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value;
        app.UseForwardedHeaders();
        if (options.Hsts && !app.Environment.IsDevelopment()) app.UseHsts();
        if (options.HttpsRedirection) app.UseHttpsRedirection();
        return app;
    }

    /// <summary>The <see cref="CrossSiteGuard"/> with the configured extra origins.</summary>
    public static WebApplication UseCrossSiteGuard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value;
        app.UseCrossSiteGuard(options.AllowedOrigins);
        return app;
    }
}
