using System.Diagnostics;
using DisTok.Data;
using DisTok.Web.Generation;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DisTok.Web;

/// <summary><c>/healthz</c>: liveness, plus the figures the load tool watches (queue depth, process memory). A cluster
/// node also checks that it reaches PostgreSQL and Redis, and answers 503 when it does not; with workers it reports the
/// cluster's queue (waiting, pending, taken over from silent workers) and how many workers beat within 10 s.</summary>
public static class ServerHealth
{
    /// <summary>Status, waiting jobs, resident memory and managed heap, in bytes; in a cluster, each shared service's reach.</summary>
    public static async Task<IResult> Report(GenerationQueue queue, IServiceProvider services, CancellationToken ct)
    {
        using var process = Process.GetCurrentProcess();
        var redis = services.GetService<IConnectionMultiplexer>();
        string? postgres = null, redisState = null;
        if (redis is not null)
        {
            postgres = await ReachAsync(async () =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync(ct);
                return await db.Database.CanConnectAsync(ct);
            });
            redisState = await ReachAsync(async () => (await redis.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(5));
        }
        bool healthy = postgres is null or "ok" && redisState is null or "ok";
        var workers = healthy && services.GetService<Cluster.RemoteGeneration>() is { } remote ? await WorkersAsync(remote.Queue) : ((long Waiting, long Pending, int Alive, long Redelivered)?)null;
        return Results.Json(new
        {
            status = healthy ? "ok" : "unhealthy",
            queueDepth = workers?.Waiting ?? (queue.Remote ? 0 : queue.Depth),
            queuePending = workers?.Pending,
            workersAlive = workers?.Alive,
            jobsRedelivered = workers?.Redelivered,
            workingSetBytes = process.WorkingSet64,
            managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            postgres,
            redis = redisState,
        }, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The cluster's queue: waiting, taken but not acknowledged, live workers, and jobs taken over.</summary>
    static async Task<(long Waiting, long Pending, int Alive, long Redelivered)> WorkersAsync(Queue.RedisJobQueue queue) =>
        (await queue.WaitingAsync(), await queue.PendingAsync(), await queue.AliveWorkersAsync(), await queue.RedeliveredAsync());

    static async Task<string> ReachAsync(Func<Task<bool>> check)
    {
        try { return await check() ? "ok" : "unreachable"; }
        catch (Exception e) { return $"unreachable: {e.Message}"; }
    }
}
