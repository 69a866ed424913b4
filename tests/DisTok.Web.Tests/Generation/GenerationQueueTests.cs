using DisTok.Core.Backbone;
using DisTok.Web.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Generation;

public class GenerationQueueTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    GenerationQueue Queue => app.Services.GetRequiredService<GenerationQueue>();

    [Theory]
    [InlineData("", 0, 4, "the prompt is empty")]
    [InlineData("a pig", -1, 4, "seed must be between")]
    [InlineData("a pig", 0, 0, "steps must be between")]
    [InlineData("a pig", 0, 100000, "steps must be between")]
    [InlineData("a photo of a <*>", 0, 4, "no token was given")]
    public void Bad_requests_are_refused_with_a_message_and_nothing_is_queued(string prompt, int seed, int steps, string message)
    {
        int before = Queue.Depth;
        var e = Assert.Throws<ArgumentException>(() => Queue.Enqueue(new GenerationRequest(prompt, seed, steps)));
        Assert.Contains(message, e.Message);
        Assert.Equal(before, Queue.Depth);
    }

    [Fact]
    public void Bad_guidance_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Queue.Enqueue(new GenerationRequest("a pig", 0, 4, float.NaN)));
        Assert.Contains("guidance must be between", e.Message);
    }

    [Fact]
    public async Task A_job_reports_every_step_with_a_preview_and_ends_with_a_png()
    {
        var steps = new List<int>();
        var done = new TaskCompletionSource();
        var job = Queue.Enqueue(new GenerationRequest("a photo of a pig", Seed: 5, Steps: 4), job =>
        {
            lock (steps) if (job.Status == GenerationStatus.Running && job.PreviewPng is not null) steps.Add(job.Step);
            if (job.Status is GenerationStatus.Done or GenerationStatus.Failed) done.TrySetResult();
        });
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(GenerationStatus.Done, job.Status);
        Assert.Equal([1, 2, 3, 4], steps.Distinct());
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, job.Result!.Png[..4]);
    }

    [Fact]
    public async Task A_ready_condition_renders_and_a_wrong_sized_one_fails_with_the_reason()
    {
        var good = Queue.Enqueue(new GenerationRequest("mean of pig and sheep", Seed: 2, Steps: 2, Condition: new float[384]));
        var bad = Queue.Enqueue(new GenerationRequest("too short", Seed: 2, Steps: 2, Condition: new float[10]));
        await Task.WhenAll(good.Finished, bad.Finished).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(GenerationStatus.Done, good.Status);
        Assert.Equal(GenerationStatus.Failed, bad.Status);
        Assert.Contains("must have 384 values, got 10", bad.Error);
    }

    /// <summary>A long job of its own client that keeps the worker busy; running when this returns.</summary>
    async Task<GenerationJob> BlockerAsync(string owner)
    {
        var running = new TaskCompletionSource();
        var job = Queue.Enqueue(new GenerationRequest("a photo of a cat", Seed: 1, Steps: Queue.Capabilities.MaxSteps), new JobOrigin(owner), j =>
        {
            if (j.Status != GenerationStatus.Queued) running.TrySetResult();
        });
        await running.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return job;
    }

    [Fact]
    public async Task Rooms_take_turns_instead_of_first_come_first_served()
    {
        var blocker = await BlockerAsync("fair-blocker");
        var started = new List<string>();
        GenerationJob Add(string room, int n) => Queue.Enqueue(new GenerationRequest("a photo of a pig", Seed: n, Steps: 1),
            new JobOrigin($"fair-{room}-{n}", room), j => { if (j.Status == GenerationStatus.Running && j.Step == 0) lock (started) started.Add($"{room}/{n}"); });
        var jobs = new[] { Add("r1", 1), Add("r1", 2), Add("r1", 3), Add("r2", 1), Add("r2", 2), Add("r3", 1) };

        Assert.Equal([1, 4, 6, 2, 5, 3], jobs.Select(j => j.QueuePosition));
        Assert.True(Queue.Cancel(blocker.Id, "fair-blocker"));
        await Task.WhenAll(jobs.Select(j => j.Finished)).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(["r1/1", "r2/1", "r3/1", "r1/2", "r2/2", "r1/3"], started);
        Assert.All(jobs, j => Assert.Equal(GenerationStatus.Done, j.Status));
    }

    [Fact]
    public async Task A_waiting_job_cancelled_by_its_owner_never_runs_and_the_others_move_up()
    {
        var blocker = await BlockerAsync("cancel-blocker");
        var ran = false;
        var doomed = Queue.Enqueue(new GenerationRequest("a photo of a pig", Steps: 1), new JobOrigin("cancel-a"), j => ran |= j.Status == GenerationStatus.Running);
        var next = Queue.Enqueue(new GenerationRequest("a photo of a pig", Steps: 1), new JobOrigin("cancel-b"));
        Assert.Equal(2, next.QueuePosition);

        Assert.True(Queue.Cancel(doomed.Id, "cancel-a"));
        Assert.Equal(GenerationStatus.Cancelled, doomed.Status);
        Assert.Equal(1, next.QueuePosition);
        Assert.False(Queue.Cancel(doomed.Id, "cancel-a"));

        Queue.Cancel(blocker.Id, "cancel-blocker");
        await next.Finished.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(ran);
        Assert.Equal(GenerationStatus.Done, next.Status);
    }

    [Fact]
    public async Task A_running_job_stops_when_its_owner_cancels_it()
    {
        var blocker = await BlockerAsync("running-owner");
        Assert.True(Queue.Cancel(blocker.Id, "running-owner"));
        await blocker.Finished.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(GenerationStatus.Cancelled, blocker.Status);
        Assert.True(blocker.Step < blocker.TotalSteps);
        Assert.Null(Queue.Find(blocker.Id));
    }

    [Fact]
    public async Task Nobody_else_can_cancel_a_job()
    {
        var blocker = await BlockerAsync("owner-x");
        var e = Assert.Throws<UnauthorizedAccessException>(() => Queue.Cancel(blocker.Id, "someone-else"));
        Assert.Contains("only whoever queued", e.Message);
        Assert.Equal(GenerationStatus.Running, blocker.Status);
        Queue.Cancel(blocker.Id, "owner-x");
        await blocker.Finished.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_flood_from_one_client_is_refused_with_a_message_and_nothing_more_is_queued()
    {
        var blocker = await BlockerAsync("flood-blocker");
        var mine = Enumerable.Range(0, StudioAppFactory.MaxJobsPerClient)
            .Select(i => Queue.Enqueue(new GenerationRequest("a photo of a pig", Seed: i, Steps: 1), new JobOrigin("flooder"))).ToList();
        int depth = Queue.Depth;
        var e = Assert.Throws<GenerationLimitException>(() => Queue.Enqueue(new GenerationRequest("a photo of a pig", Steps: 1), new JobOrigin("flooder")));
        Assert.Contains($"at most {StudioAppFactory.MaxJobsPerClient} per person", e.Message);
        Assert.Equal(depth, Queue.Depth);
        Queue.Enqueue(new GenerationRequest("a photo of a pig", Steps: 1), new JobOrigin("someone-else")); // others are not held back

        Assert.Equal(StudioAppFactory.MaxJobsPerClient, Queue.CancelAll("flooder"));
        Queue.Cancel(blocker.Id, "flood-blocker");
        await Task.WhenAll(mine.Select(j => j.Finished)).WaitAsync(TimeSpan.FromMinutes(1));
        Queue.Enqueue(new GenerationRequest("a photo of a pig", Steps: 1), new JobOrigin("flooder")); // room again once they finished
    }
}
