using System.Text.Json;
using DisTok.Web.Rooms;
using StackExchange.Redis;

namespace DisTok.Web.Cluster;

/// <summary>
/// Room messages between studio nodes over Redis pub/sub, on one channel. Messages are handled one at a time in
/// arrival order (a <see cref="ChannelMessageQueue"/>), so one node's edits reach the others in the order it sent them.
/// Pub/sub keeps nothing: a node that is down misses messages, which is why presence is re-sent every
/// <see cref="RoomHubState.Heartbeat"/> and edits carry the whole room at its revision (a later one replaces any lost).
/// </summary>
public sealed class RedisRoomRelay(IConnectionMultiplexer redis, ClusterNode node, IServiceProvider services, ILogger<RedisRoomRelay> logger)
    : BackgroundService, IRoomRelay
{
    /// <summary>The pub/sub channel.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("distok:rooms");

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public string Node => node.Id;

    /// <inheritdoc />
    public event Action<RoomWire>? Received;

    /// <inheritdoc />
    public void Send(RoomWire message)
    {
        try { redis.GetSubscriber().Publish(Channel, JsonSerializer.SerializeToUtf8Bytes(message with { SentUtc = DateTimeOffset.UtcNow }, Json),
            CommandFlags.FireAndForget); }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)   // Redis away, or this node stopping
        {
            logger.LogWarning(e, "Could not relay a {Kind} of room {Room}", message.Kind, message.RoomId);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(message =>
        {
            try
            {
                if (JsonSerializer.Deserialize<RoomWire>((byte[])message.Message!, Json) is { } wire) Received?.Invoke(wire);
            }
            catch (Exception e) { logger.LogWarning(e, "A relayed room message could not be handled"); }
        });
        var hub = services.GetRequiredService<RoomHubState>();
        using var beat = new PeriodicTimer(RoomHubState.Heartbeat);
        try
        {
            while (await beat.WaitForNextTickAsync(stoppingToken)) hub.SendHeartbeat();
        }
        catch (OperationCanceledException) { }
        finally
        {
            hub.SendGoodbye();
            await queue.UnsubscribeAsync();
        }
    }
}
