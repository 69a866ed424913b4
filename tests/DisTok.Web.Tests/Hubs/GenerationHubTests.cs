using System.Threading.Channels;
using DisTok.Web.Generation;
using DisTok.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Hubs;

/// <summary>/hubs/generation with a real SignalR client over loopback.</summary>
public class GenerationHubTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);

    GenerationQueue Queue => app.Services.GetRequiredService<GenerationQueue>();

    async Task<(HubConnection Hub, Channel<HubProgress> Events)> ConnectAsync()
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/generation")).Build();
        var events = Channel.CreateUnbounded<HubProgress>();
        hub.On<HubProgress>(HubProgressForwarder.Method, p => events.Writer.TryWrite(p));
        await hub.StartAsync();
        return (hub, events);
    }

    static async Task<List<HubProgress>> UntilFinishedAsync(Channel<HubProgress> events, string jobId)
    {
        var seen = new List<HubProgress>();
        using var timeout = new CancellationTokenSource(Wait);
        await foreach (var p in events.Reader.ReadAllAsync(timeout.Token))
        {
            if (p.JobId != jobId) continue;
            seen.Add(p);
            if (p.Status is "done" or "failed" or "cancelled") break;
        }
        return seen;
    }

    [Fact]
    public async Task A_submitted_distribution_streams_its_steps_and_ends_with_the_image()
    {
        var (hub, events) = await ConnectAsync();
        await using var _ = hub;
        var jobId = await hub.InvokeAsync<string>("Submit", "pig=0.55,sheep=0.25,snake=0.2", "a <*> emoji in 3d style", 3, 3);

        var seen = await UntilFinishedAsync(events, jobId);
        var last = seen[^1];
        Assert.Equal("done", last.Status);
        Assert.Equal((3, 3), (last.Step, last.Total));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(last.ImagePng!)[..4]);
        Assert.Equal([1, 2, 3], seen.Where(p => p.Status == "running" && p.PreviewPng is not null).Select(p => p.Step).Distinct());
    }

    [Theory]
    [InlineData("pig", "'pig' is not name=weight")]
    [InlineData("pig=NaN,sheep=1", "NaN weight")]
    [InlineData("pig=-0.2,sheep=1", "negative weight")]
    [InlineData("pig=1,yeti=1", "unknown concept 'yeti'")]
    [InlineData("pig=0,sheep=0", "all weights are zero")]
    [InlineData("pig=1,Pig=1", "listed twice")]
    [InlineData("", "the distribution is empty")]
    public async Task Malformed_distributions_are_refused_with_the_reason_and_nothing_is_queued(string distribution, string message)
    {
        await using var hub = (await ConnectAsync()).Hub;
        int depth = Queue.Depth;
        var e = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("Submit", distribution, "a photo of a <*>", 0, 2));
        Assert.Contains(message, e.Message);
        Assert.Equal(depth, Queue.Depth);
    }

    [Fact]
    public async Task Hundreds_of_entries_and_overlong_text_are_refused()
    {
        await using var hub = (await ConnectAsync()).Hub;
        var many = string.Join(",", Enumerable.Range(0, 300).Select(i => $"c{i}=1"));
        var e = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("Submit", many, "a photo of a <*>", 0, 2));
        Assert.Contains("300 concepts", e.Message);
        var huge = string.Join(",", Enumerable.Repeat("pig=1", 1000));
        e = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("Submit", huge, "a photo of a <*>", 0, 2));
        Assert.Contains($"at most {DistributionText.MaxLength}", e.Message);
    }

    [Theory]
    [InlineData("a photo of a pig", 0, 2, "no placeholder")]
    [InlineData("a <*> and a <*>", 0, 2, "2 placeholders")]
    [InlineData("a photo of a <*>", -1, 2, "seed must be between")]
    [InlineData("a photo of a <*>", 0, 0, "steps must be between")]
    [InlineData("a photo of a <*>", 0, 5000, "steps must be between")]
    public async Task Bad_templates_seeds_and_steps_are_refused(string template, int seed, int steps, string message)
    {
        await using var hub = (await ConnectAsync()).Hub;
        var e = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("Submit", "pig=1", template, seed, steps));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task A_caller_cancels_its_job_and_hears_that_it_was_cancelled()
    {
        var (hub, events) = await ConnectAsync();
        await using var _ = hub;
        var jobId = await hub.InvokeAsync<string>("Submit", "pig=1", "a photo of a <*>", 0, Queue.Capabilities.MaxSteps);
        Assert.True(await hub.InvokeAsync<bool>("Cancel", jobId));
        Assert.Equal("cancelled", (await UntilFinishedAsync(events, jobId))[^1].Status);
        Assert.False(await hub.InvokeAsync<bool>("Cancel", jobId));
        var e = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<bool>("Cancel", "not-a-guid"));
        Assert.Contains("not a job id", e.Message);
    }

    [Fact]
    public async Task Another_connection_cannot_cancel_a_job()
    {
        var (owner, events) = await ConnectAsync();
        await using var _ = owner;
        await using var other = (await ConnectAsync()).Hub;
        var jobId = await owner.InvokeAsync<string>("Submit", "pig=1", "a photo of a <*>", 0, Queue.Capabilities.MaxSteps);
        var e = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync<bool>("Cancel", jobId));
        Assert.Contains("only whoever queued", e.Message);
        await owner.InvokeAsync<bool>("Cancel", jobId);
        await UntilFinishedAsync(events, jobId);
    }

    [Fact]
    public async Task A_flood_from_one_connection_is_rate_limited_and_a_disconnect_leaves_no_job_behind()
    {
        var hub = (await ConnectAsync()).Hub;
        var ids = new List<Guid>();
        for (int i = 0; i < StudioAppFactory.MaxJobsPerClient; i++)
            ids.Add(Guid.Parse(await hub.InvokeAsync<string>("Submit", "pig=1", "a photo of a <*>", i, Queue.Capabilities.MaxSteps)));
        int depth = Queue.Depth;
        var e = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("Submit", "pig=1", "a photo of a <*>", 9, 2));
        Assert.Contains($"at most {StudioAppFactory.MaxJobsPerClient} per person", e.Message);
        Assert.Equal(depth, Queue.Depth);

        var jobs = ids.Select(Queue.Find).OfType<GenerationJob>().ToList();
        await hub.DisposeAsync();
        await Task.WhenAll(jobs.Select(j => j.Finished)).WaitAsync(Wait);
        Assert.All(jobs, j => Assert.Equal(GenerationStatus.Cancelled, j.Status));
        Assert.All(ids, id => Assert.Null(Queue.Find(id)));
    }
}
