using DisTok.Core.Backbone;
using DisTok.Web.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Generation;

/// <summary>A batch renders one job at a time through the real queue and worker.</summary>
public class JobFeederTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);

    GenerationQueue Queue => app.Services.GetRequiredService<GenerationQueue>();

    static List<GenerationRequest> Requests(int n, int steps = 2) =>
        Enumerable.Range(0, n).Select(i => new GenerationRequest($"a photo of a pig {i}", Seed: i, Steps: steps)).ToList();

    static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!condition()) await Task.Delay(20, timeout.Token);
    }

    [Fact]
    public async Task Every_request_renders_once_in_order_and_never_two_at_a_time()
    {
        var owner = "feeder-" + Guid.NewGuid();
        using var feeder = new JobFeeder(Queue, new JobOrigin(owner), Requests(5));
        int mostAtOnce = 0;
        feeder.Changed += _ =>
        {
            int open = feeder.Jobs.Count(j => j is { IsFinished: false });
            lock (feeder) mostAtOnce = Math.Max(mostAtOnce, open);
        };
        feeder.Start();
        await UntilAsync(() => feeder.IsFinished);

        Assert.All(feeder.Jobs, j => Assert.Equal(GenerationStatus.Done, j!.Status));
        Assert.Equal([0, 1, 2, 3, 4], feeder.Jobs.Select(j => j!.Request.Seed));
        Assert.Equal(5, feeder.Jobs.Select(j => j!.Id).Distinct().Count());
        Assert.Equal(1, mostAtOnce);
        Assert.Null(feeder.Problem);
    }

    [Fact]
    public async Task Disposing_cancels_the_job_in_flight_and_queues_no_more()
    {
        var owner = "feeder-" + Guid.NewGuid();
        var feeder = new JobFeeder(Queue, new JobOrigin(owner), Requests(3, Queue.Capabilities.MaxSteps));
        feeder.Start();
        var first = feeder.Jobs[0]!;
        feeder.Dispose();
        await first.Finished.WaitAsync(Wait);
        Assert.Equal(GenerationStatus.Cancelled, first.Status);
        Assert.Null(feeder.Jobs[1]);
        Assert.Null(feeder.Jobs[2]);
        Assert.Equal(0, Queue.CancelAll(owner));
    }

    [Fact]
    public void A_bad_first_request_throws_and_queues_nothing()
    {
        int depth = Queue.Depth;
        using var feeder = new JobFeeder(Queue, new JobOrigin("feeder-bad"), [new GenerationRequest("", Seed: 0, Steps: 2)]);
        Assert.Throws<ArgumentException>(feeder.Start);
        Assert.Equal(depth, Queue.Depth);
        Assert.Null(feeder.Jobs[0]);
    }

    [Fact]
    public async Task Batches_disposed_at_any_moment_leave_no_job_behind()
    {
        // Disposing races the feeder queueing its next job (on the worker's thread, as the previous one ends): whatever
        // the interleaving, nothing of a disposed batch may stay queued or running.
        var owners = new List<string>();
        var feeders = new List<JobFeeder>();
        var rng = new Random(5);
        for (int i = 0; i < 40; i++)
        {
            var owner = $"dispose-race-{i}-{Guid.NewGuid():N}";
            owners.Add(owner);
            var feeder = new JobFeeder(Queue, new JobOrigin(owner), Requests(4, steps: 1));
            feeders.Add(feeder);
            feeder.Start();
            await Task.Delay(rng.Next(0, 15));
            await Task.Run(feeder.Dispose);
        }
        await UntilAsync(() => !Queue.Snapshot().Any(j => owners.Contains(j.Origin.Owner)));
        await Task.Delay(300);   // a job queued late by a racing feeder would show up now
        Assert.DoesNotContain(Queue.Snapshot(), j => owners.Contains(j.Origin.Owner));
        Assert.All(feeders.SelectMany(f => f.Jobs).OfType<GenerationJob>(), j => Assert.True(j.IsFinished));
    }
}

