using DisTok.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace DisTok.Web.Tests.Hubs;

/// <summary>The per-connection event buffer is bounded: a client that does not read is cut off, not buffered for ever.</summary>
public class OrderedSenderTests
{
    /// <summary>A connection whose sends wait until released, as a client that stopped reading.</summary>
    sealed class StalledClient : IClientProxy
    {
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Sent;

        public async Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            await Release.Task;
            Interlocked.Increment(ref Sent);
        }
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_cut_off_once_when_the_buffer_is_full()
    {
        var client = new StalledClient();
        int overflows = 0;
        var sender = new OrderedSender(client, NullLogger.Instance, () => Interlocked.Increment(ref overflows));
        for (int i = 0; i < OrderedSender.Capacity + 50; i++) sender.Post("roomEdited", i);
        Assert.Equal(1, overflows);
        Assert.False(sender.Completion.IsCompleted);

        client.Release.SetResult();
        await sender.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        // What was buffered is sent (the one in flight plus a full buffer); nothing beyond it was kept.
        Assert.InRange(client.Sent, OrderedSender.Capacity, OrderedSender.Capacity + 1);
    }

    [Fact]
    public async Task Events_arrive_in_order_and_Complete_ends_the_pump()
    {
        var received = new List<object?>();
        var client = new RecordingClient(received);
        var sender = new OrderedSender(client, NullLogger.Instance);
        for (int i = 0; i < 100; i++) sender.Post("e", i);
        sender.Complete();
        await sender.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, 100).Cast<object?>(), received);
    }

    sealed class RecordingClient(List<object?> received) : IClientProxy
    {
        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            received.Add(args[0]);
            return Task.CompletedTask;
        }
    }
}
