using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Web.Models;
using StackExchange.Redis;

namespace DisTok.Web.Cluster;

/// <summary>
/// Keeps a cluster node serving the promoted DisTok version. A promotion (or rollback) on any node is announced on
/// Redis (<see cref="Channel"/>); every node then reads the newest promotion from the database and serves it, loading
/// the version's files from the shared versions folder and checking their sha256 against the recorded one. A version
/// whose files this node cannot load or verify is not served: the node keeps its current model and says why in the
/// log (and again at each retry). Every <see cref="Poll"/> it checks again, in case an announcement was missed.
/// </summary>
public sealed class VersionWatcher(IConnectionMultiplexer redis, ModelVersions versions, ServedDisTok served, ILogger<VersionWatcher> logger)
    : BackgroundService
{
    /// <summary>The pub/sub channel promotions are announced on.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("distok:versions");

    /// <summary>How often a node checks the promoted version without an announcement.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    readonly SemaphoreSlim _syncing = new(1, 1);

    /// <summary>Tells every node that version <paramref name="number"/> was promoted.</summary>
    public static void Announce(IConnectionMultiplexer redis, int number, ILogger logger)
    {
        try { redis.GetSubscriber().Publish(Channel, number, CommandFlags.FireAndForget); }
        catch (RedisException e) { logger.LogWarning(e, "Could not announce the promotion of version {Version}; the other nodes pick it up within {Poll}", number, Poll); }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(async _ => await SyncAsync(stoppingToken));
        using var timer = new PeriodicTimer(Poll);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SyncAsync(stoppingToken);
        }
        catch (OperationCanceledException) { }
        finally { await queue.UnsubscribeAsync(); }
    }

    /// <summary>Serves the newest promotion if this node does not yet.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        await _syncing.WaitAsync(ct);
        try
        {
            var promoted = await versions.PromotedAsync(ct) ?? new ModelVersion { Number = 0 };
            if (promoted.Number == served.VersionNumber) return;
            try
            {
                served.Serve(promoted);
                logger.LogInformation("Serving DisTok version {Version}, promoted on another node", promoted.Label);
            }
            catch (InvalidDataException e)
            {
                logger.LogError(e, "Version {Version} was promoted but this node cannot serve it; it keeps {Served}", promoted.Label, served.VersionLabel);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "Could not check the promoted version"); }
        finally { _syncing.Release(); }
    }
}
