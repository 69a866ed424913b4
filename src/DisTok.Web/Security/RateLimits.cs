using System.Globalization;
using System.Threading.RateLimiting;
using DisTok.Web.Identity;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace DisTok.Web.Security;

/// <summary>ASP.NET Core's rate limiter, partitioned by <see cref="Payer"/> (after the forwarded headers and sign-in have
/// been read): named policies for the endpoints that cost (see <see cref="RateLimitOptions"/>), and a global one for
/// opening hub and circuit connections. A refused request gets 429, Retry-After and a sentence saying what to do.
/// In a cluster the counters live in Redis (RedisRateLimiting's fixed window), shared by every node.</summary>
public static class RateLimits
{
    /// <summary>Policy names.</summary>
    public const string Generate = "Generate", Store = "Store", CreateStudy = "CreateStudy",
        Participate = "Participate", SignIn = "SignIn", Connect = "Connect";

    /// <summary>Binds the options (refused at start when out of range) and registers the limiter.</summary>
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        builder.Services.AddRateLimiter(o =>
        {
            foreach (var (name, limit) in options.Policies())
                o.AddPolicy(name, http => Window(name, limit, http));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => OpensConnection(http.Request)
                ? Window(Connect, options.Connect, http)
                : RateLimitPartition.GetNoLimiter(""));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>A fixed window per policy and payer: in this process's memory, or in a cluster in Redis, so that the
    /// limit holds for a payer however the proxy spreads its requests over the nodes.</summary>
    static RateLimitPartition<string> Window(string policy, WindowLimit limit, HttpContext http)
    {
        var key = policy + "|" + Payer.Of(http);
        if (http.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
            return RedisRateLimitPartition.GetFixedWindowRateLimiter("distok:rate:" + key, _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis, PermitLimit = limit.Permits, Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            });
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits, Window = TimeSpan.FromSeconds(limit.WindowSeconds), QueueLimit = 0, AutoReplenishment = true,
        });
    }

    /// <summary>A negotiation or WebSocket start of a SignalR hub or Blazor circuit (not the messages on it).</summary>
    static bool OpensConnection(HttpRequest request) =>
        (request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/_blazor"))
        && (request.Path.Value!.EndsWith("/negotiate", StringComparison.Ordinal) || request.Query.ContainsKey("id") && HttpMethods.IsGet(request.Method));

    static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests of this kind from your {(Payer.IsAccount(Payer.Of(http)) ? "account" : "network address")}; " +
                      $"try again in {seconds} s. Nothing was changed.";
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"))
            await Results.Problem(title: "Too many requests", detail: message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        else
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(message, ct);
        }
    }
}
