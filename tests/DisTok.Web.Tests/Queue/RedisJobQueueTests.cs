using DisTok.Core.Backbone;
using DisTok.Queue;
using DisTok.Tests.Shared;
using DisTok.Web.Generation;
using StackExchange.Redis;

namespace DisTok.Web.Tests.Queue;

/// <summary>The cluster's generation queue on a real Redis (a fresh key prefix per test): the same fairness as one process,
/// limits counted across every caller, cancels, redelivery after a silent worker, and acknowledgement once.</summary>
[Trait("Database", "Redis")]
public sealed class RedisJobQueueTests : IDisposable
{
    readonly ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(TestRedis.Server());
    readonly RedisJobQueue _queue;
    static readonly QueueLimits Roomy = new(PerClient: 100, PerPayer: 100, Capacity: 1000);

    public RedisJobQueueTests() => _queue = new RedisJobQueue(_redis, $"test:{Guid.NewGuid():N}:") { ClaimAfter = TimeSpan.FromSeconds(1) };

    public void Dispose() => _redis.Dispose();

    static JobTicket Ticket(string owner, string? room, string? payer) =>
        new(Guid.NewGuid(), new GenerationRequest("a photo of a pig", 1, 4), owner, room, owner, payer,
            room is null ? "client:" + owner : "room:" + room, payer ?? "");

    [Fact]
    public async Task Jobs_are_taken_in_the_same_fair_order_as_one_process_takes_them()
    {
        await _queue.EnsureGroupAsync();
        var local = new FairScheduler<JobTicket>(t => t.Lane, t => t.Group);
        var random = new Random(5);
        var fromRedis = new List<Guid>();
        var fromLocal = new List<Guid>();
        for (int round = 0; round < 60; round++)
        {
            for (int n = random.Next(0, 4); n > 0; n--)
            {
                var t = Ticket("c" + random.Next(6), random.Next(3) == 0 ? null : "r" + random.Next(4), "p" + random.Next(3));
                Assert.Equal(Admission.Admitted, (await _queue.SubmitAsync(t, Roomy)).Admission);
                local.Add(t);
            }
            if (random.Next(3) == 0) continue;
            var order = await _queue.OrderAsync();
            Assert.Equal(local.Order().Select(t => t.Id.ToString()), order);        // what the nodes tell waiting jobs
            var delivery = await _queue.NextAsync("w1");
            if (local.TryTake(out var expected)) fromLocal.Add(expected.Id);
            if (delivery is not null)
            {
                fromRedis.Add(delivery.JobId);
                Assert.True(await _queue.FinishAsync(delivery));
            }
        }
        Assert.NotEmpty(fromLocal);
        Assert.Equal(fromLocal, fromRedis);
    }

    [Fact]
    public async Task Limits_hold_across_callers_and_a_refused_job_leaves_nothing_behind()
    {
        var limits = new QueueLimits(PerClient: 2, PerPayer: 3, Capacity: 4);
        Assert.Equal(Admission.Admitted, (await _queue.SubmitAsync(Ticket("ann", "r1", "10.0.0.1"), limits)).Admission);
        Assert.Equal(Admission.Admitted, (await _queue.SubmitAsync(Ticket("ann", "r2", "10.0.0.1"), limits)).Admission);
        Assert.Equal((Admission.ClientFull, 2L), await _queue.SubmitAsync(Ticket("ann", "r1", "10.0.0.1"), limits));
        Assert.Equal(Admission.Admitted, (await _queue.SubmitAsync(Ticket("bob", "r1", "10.0.0.1"), limits)).Admission);
        Assert.Equal((Admission.PayerFull, 3L), await _queue.SubmitAsync(Ticket("cid", "r1", "10.0.0.1"), limits));
        Assert.Equal(Admission.Admitted, (await _queue.SubmitAsync(Ticket("dan", null, "10.0.0.2"), limits)).Admission);
        Assert.Equal((Admission.QueueFull, 4L), await _queue.SubmitAsync(Ticket("eve", null, "10.0.0.3"), limits));
        Assert.Equal(4, await _queue.WaitingAsync());
        Assert.Equal(4, (await _queue.OrderAsync()).Count);
    }

    [Fact]
    public async Task A_waiting_job_can_be_removed_once_and_frees_its_share()
    {
        var limits = new QueueLimits(PerClient: 1, PerPayer: 10, Capacity: 10);
        var first = Ticket("ann", "r1", "p");
        await _queue.SubmitAsync(first, limits);
        Assert.Equal(Admission.ClientFull, (await _queue.SubmitAsync(Ticket("ann", "r1", "p"), limits)).Admission);
        Assert.True(await _queue.RemoveWaitingAsync(first));
        Assert.False(await _queue.RemoveWaitingAsync(first));
        Assert.Equal(0, await _queue.WaitingAsync());
        Assert.Empty(await _queue.OrderAsync());
        Assert.Equal(Admission.Admitted, (await _queue.SubmitAsync(Ticket("ann", "r1", "p"), limits)).Admission);
    }

    [Fact]
    public async Task A_job_whose_worker_goes_silent_is_redelivered_and_acknowledged_once()
    {
        await _queue.EnsureGroupAsync();
        var ticket = Ticket("ann", "r1", "p");
        await _queue.SubmitAsync(ticket, new QueueLimits(1, 1, 10));
        var first = await _queue.NextAsync("dies");
        Assert.Equal((ticket.Id, false), (first!.JobId, first.Redelivered));
        Assert.Equal(ticket, first.Ticket);
        Assert.Null(await _queue.NextAsync("lives"));                           // claimed and still fresh: nobody else gets it
        Assert.Equal(1, await _queue.PendingAsync());

        await Task.Delay(_queue.ClaimAfter + TimeSpan.FromMilliseconds(300));   // "dies" renews nothing
        var again = await _queue.NextAsync("lives");
        Assert.Equal((ticket.Id, true), (again!.JobId, again.Redelivered));
        Assert.True(await _queue.FinishAsync(again));
        Assert.False(await _queue.FinishAsync(first));                          // the first worker's late ack changes nothing
        Assert.Equal(0, await _queue.PendingAsync());
        Assert.Equal(Admission.Admitted, (await _queue.SubmitAsync(Ticket("ann", "r1", "p"), new QueueLimits(1, 1, 10))).Admission);
    }

    [Fact]
    public async Task A_worker_that_renews_its_claim_keeps_its_job()
    {
        await _queue.EnsureGroupAsync();
        await _queue.SubmitAsync(Ticket("ann", null, null), Roomy);
        var mine = await _queue.NextAsync("busy");
        for (int i = 0; i < 4; i++)
        {
            await Task.Delay(400);
            await _queue.KeepClaimAsync("busy", mine!);
        }
        Assert.Null(await _queue.NextAsync("other"));
        Assert.True(await _queue.FinishAsync(mine!));
    }
}
