using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace DisTok.Web.Hubs;

/// <summary>
/// Sends events to one hub connection in the order they were posted, from any thread: posting only writes to an
/// in-memory channel and one pump sends them one after another. Send failures (the client left) end it quietly.
/// </summary>
public sealed class OrderedSender
{
    readonly Channel<(string Method, object Payload)> _events = Channel.CreateUnbounded<(string, object)>(new() { SingleReader = true });

    /// <summary>Starts the pump that sends to <paramref name="client"/>.</summary>
    public OrderedSender(IClientProxy client, ILogger logger) => _ = PumpAsync(client, logger);

    /// <summary>Queues an event for the client.</summary>
    public void Post(string method, object payload) => _events.Writer.TryWrite((method, payload));

    /// <summary>Sends what is queued, then stops.</summary>
    public void Complete() => _events.Writer.TryComplete();

    async Task PumpAsync(IClientProxy client, ILogger logger)
    {
        try
        {
            await foreach (var (method, payload) in _events.Reader.ReadAllAsync())
                await client.SendAsync(method, payload);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "An event could not be sent; the hub client has probably left");
        }
    }
}
