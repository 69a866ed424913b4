using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace DisTok.Web.Hubs;

/// <summary>
/// Sends events to one hub connection in the order they were posted, from any thread: posting only writes to an
/// bounded in-memory channel and one pump sends them one after another. Send failures (the client left) end it quietly.
/// A client that reads slower than its room changes fills the buffer: it is then cut off (<c>onOverflow</c>, which
/// aborts its connection) rather than let the buffer grow; it can reconnect and read the room afresh.
/// </summary>
public sealed class OrderedSender
{
    /// <summary>Events one connection may have waiting to be sent.</summary>
    public const int Capacity = 1024;

    readonly Channel<(string Method, object Payload)> _events =
        Channel.CreateBounded<(string, object)>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    readonly Action? _onOverflow;
    int _overflowed;

    /// <summary>Starts the pump that sends to <paramref name="client"/>.</summary>
    /// <param name="client">The connection.</param>
    /// <param name="logger">Where send failures are noted.</param>
    /// <param name="onOverflow">Called once when the buffer is full (e.g. abort the connection); the sender then stops.</param>
    public OrderedSender(IClientProxy client, ILogger logger, Action? onOverflow = null)
    {
        _onOverflow = onOverflow;
        Completion = PumpAsync(client, logger);
    }

    /// <summary>Ends when the pump has stopped (completed, failed or overflowed).</summary>
    public Task Completion { get; }

    /// <summary>Queues an event for the client.</summary>
    public void Post(string method, object payload)
    {
        if (_events.Writer.TryWrite((method, payload)) || Volatile.Read(ref _overflowed) == 1) return;
        if (Interlocked.Exchange(ref _overflowed, 1) == 1) return;
        _events.Writer.TryComplete();
        _onOverflow?.Invoke();
    }

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
