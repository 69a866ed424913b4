using System.Text.Json;
using StackExchange.Redis;

namespace DisTok.Web.Cluster;

/// <summary>
/// Cancel requests for training runs between studio nodes (cluster mode): an admin may press Cancel on any node, and
/// the node that runs the training hears it on the pub/sub channel <c>distok:training</c> and stops the run at its next
/// step, as if the cancel had been pressed there.
/// </summary>
public sealed class TrainingCancels(IConnectionMultiplexer redis, ILogger<TrainingCancels> logger)
{
    /// <summary>The pub/sub channel.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("distok:training");

    sealed record Request(int Run, string By);

    /// <summary>Raised on every node for every request (run number, who asked).</summary>
    public event Action<int, string>? Requested;

    /// <summary>Starts listening (the training service calls it at start).</summary>
    public async Task ListenAsync() => (await redis.GetSubscriber().SubscribeAsync(Channel)).OnMessage(message =>
    {
        try
        {
            if (JsonSerializer.Deserialize<Request>((string)message.Message!, JsonSerializerOptions.Web) is { } r) Requested?.Invoke(r.Run, r.By);
        }
        catch (JsonException e) { logger.LogWarning(e, "A training cancel request could not be read"); }
    });

    /// <summary>Asks whichever node runs training run <paramref name="run"/> to cancel it.</summary>
    public Task PublishAsync(int run, string by) =>
        redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Request(run, by), JsonSerializerOptions.Web));
}
