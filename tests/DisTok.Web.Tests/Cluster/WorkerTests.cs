using DisTok.Core.Backbone;
using DisTok.Data.Stores;
using DisTok.Queue;
using DisTok.Tests.Shared;
using DisTok.Web.Cluster;
using DisTok.Web.Generation;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DisTok.Web.Tests.Cluster;

/// <summary>Two studio nodes that hand their jobs to workers (<c>Studio:Generation = Workers</c>) on one PostgreSQL and one
/// Redis, with workers run in the test process on the nodes' backbone: jobs from either node are rendered and kept once, a
/// worker that stops mid-job leaves it to another, limits and queue places span both nodes, and cancels reach the worker.</summary>
[Trait("Database", "PostgreSQL")]
public sealed class WorkerTests : IAsyncLifetime
{
    static readonly TimeSpan Wait = ClusterTests.Wait;
    readonly string _database = TestPostgres.CreateDatabase();
    readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    readonly List<(CancellationTokenSource Stop, Task Run)> _workers = [];
    ConnectionMultiplexer _redis = default!;
    ClusterNodeFactory _a = default!, _b = default!;

    public Task InitializeAsync()
    {
        _redis = ConnectionMultiplexer.Connect(TestRedis.Server());
        (string, string)[] workers = [("Studio:Generation", "Workers"), ("Studio:QueuePrefix", _prefix)];
        _a = new ClusterNodeFactory(_database, workers);
        _b = new ClusterNodeFactory(_database, [.. workers, ("Backbone:ModelsPath", _a.Models)]);   // one model store, as in a cluster
        _ = (_a.Services, _b.Services);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var (stop, _) in _workers) await stop.CancelAsync();
        foreach (var (_, run) in _workers) await run.ContinueWith(_ => { });
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _redis.Dispose();
        TestPostgres.DropDatabase(_database);
    }

    RedisJobQueue Queue(TimeSpan? claimAfter = null) => new(_redis, _prefix) { ClaimAfter = claimAfter ?? TimeSpan.FromSeconds(15) };

    /// <summary>A worker on node A's backbone and database, as `distok worker` runs one.</summary>
    (CancellationTokenSource Stop, Task Run) StartWorker(string name, TimeSpan? claimAfter = null, string? sha256 = null)
    {
        var s = _a.Services;
        var worker = new QueueWorker(Queue(claimAfter), s.GetRequiredService<IImageGenerator>(), s.GetRequiredService<RoomStore>(), name,
            sha256 ?? s.GetRequiredService<BackboneIdentity>().Sha256, NullLogger<QueueWorker>.Instance);
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => worker.RunAsync(stop.Token));
        _workers.Add((stop, run));
        return (stop, run);
    }

    static Task UntilAsync(Func<bool> condition, string what) => ClusterTests.UntilAsync(condition, what);

    static Task<ClusterTests.Member> JoinAsync(StudioAppFactory node, string roomId, string name) => ClusterTests.JoinAsync(node, roomId, name);

    [Fact]
    public async Task Room_jobs_from_both_nodes_are_rendered_by_a_worker_and_kept_once()
    {
        var room = await _a.Services.GetRequiredService<RoomStore>().CreateAsync("workers", "a photo of a <*>");
        var ann = await JoinAsync(_a, room.Id, "ann");
        var bob = await JoinAsync(_b, room.Id, "bob");
        await ann.Hub.InvokeAsync<long>("SetWeight", "pig", 60);
        var first = await ann.Hub.InvokeAsync<string>("Generate", 3, 4);
        await UntilAsync(() => bob.Jobs.Any(j => j.JobId == first && j.Status == "queued" && j.QueuePosition == 1), "bob sees ann's job wait first");

        StartWorker("w1");
        await UntilAsync(() => bob.Jobs.Any(j => j.JobId == first && j.Status == "done"), "bob sees ann's job done");
        Assert.Contains(ann.Jobs, j => j.JobId == first && j.Status == "running" && j.Step > 0);   // every step reached the page
        var second = await bob.Hub.InvokeAsync<string>("Generate", 4, 4);
        await UntilAsync(() => ann.Jobs.Any(j => j.JobId == second && j.Status == "done"), "ann sees bob's job done");
        await UntilAsync(() => ann.Images.Count == 2 && bob.Images.Count == 2, "both hear of both images");

        var history = await _b.Services.GetRequiredService<RoomStore>().HistoryAsync(room.Id, 10);
        Assert.Equal([4, 3], history.Select(i => i.Seed));
        Assert.Equal([Guid.Parse(second), Guid.Parse(first)], history.Select(i => i.JobId!.Value));
        Assert.Equal(("bob", "pig=1"), (history[0].CreatedBy, history[0].DistributionText));
        Assert.Equal((0L, 0L), (await Queue().WaitingAsync(), await Queue().PendingAsync()));
        using var http = new HttpClient { BaseAddress = _b.BaseAddress };
        var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/healthz")).RootElement;
        Assert.Equal((0, 0, 1), (health.GetProperty("queueDepth").GetInt32(), health.GetProperty("queuePending").GetInt32(), health.GetProperty("workersAlive").GetInt32()));
        await ann.Hub.DisposeAsync();
        await bob.Hub.DisposeAsync();
    }

    [Fact]
    public async Task A_worker_that_stops_mid_job_leaves_it_to_another_and_the_image_is_kept_once()
    {
        var room = await _a.Services.GetRequiredService<RoomStore>().CreateAsync("failover", "a photo of a <*>");
        var ann = await JoinAsync(_a, room.Id, "ann");
        await ann.Hub.InvokeAsync<long>("SetWeight", "sheep", 50);
        var (dies, _) = StartWorker("dies", claimAfter: TimeSpan.FromSeconds(2));
        var job = await ann.Hub.InvokeAsync<string>("Generate", 5, 200);
        await UntilAsync(() => ann.Jobs.Any(j => j.JobId == job && j.Status == "running" && j.Step > 0), "the first worker renders");
        await dies.CancelAsync();                       // stops renewing its claim and never acknowledges
        StartWorker("lives", claimAfter: TimeSpan.FromSeconds(2));
        await UntilAsync(() => ann.Jobs.Any(j => j.JobId == job && j.Status == "done"), "the second worker finishes it");
        await UntilAsync(() => ann.Images.Count == 1, "ann hears of the image");
        var history = await _a.Services.GetRequiredService<RoomStore>().HistoryAsync(room.Id, 10);
        Assert.Equal(Guid.Parse(job), history.Single().JobId);
        Assert.Equal((0L, 0L), (await Queue().WaitingAsync(), await Queue().PendingAsync()));
        await ann.Hub.DisposeAsync();
    }

    [Fact]
    public async Task Limits_and_queue_places_span_both_nodes()
    {
        var onA = _a.Services.GetRequiredService<GenerationQueue>();
        var onB = _b.Services.GetRequiredService<GenerationQueue>();
        var request = new GenerationRequest("a photo of a pig", 1, 4);
        var mine = new JobOrigin("one-client");
        var jobs = new[] { onA.Enqueue(request, mine), onB.Enqueue(request, mine), onA.Enqueue(request, mine) };
        var refused = Assert.Throws<GenerationLimitException>(() => onB.Enqueue(request, mine));   // 3 per client, whichever node
        Assert.Contains("at most 3 per person", refused.Message);
        var other = onB.Enqueue(request, new JobOrigin("another-client"));
        Assert.Equal(4, onA.Depth);
        await UntilAsync(() => jobs.Append(other).Select(j => j.QueuePosition).Order().SequenceEqual([1, 2, 3, 4]), "every job knows its place");
        Assert.Equal(1, jobs[0].QueuePosition);

        Assert.True(onB.Cancel(jobs[1].Id, "one-client"));                 // waiting: it leaves the cluster's queue at once
        Assert.Equal(GenerationStatus.Cancelled, jobs[1].Status);
        Assert.Equal(3, onA.Depth);
        var again = onB.Enqueue(request, mine);                             // its slot is free again
        Assert.Equal(GenerationStatus.Queued, again.Status);
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_on_its_worker()
    {
        var onB = _b.Services.GetRequiredService<GenerationQueue>();
        StartWorker("w");
        var job = onB.Enqueue(new GenerationRequest("a photo of a pig", 1, 200), new JobOrigin("canceller"));
        await UntilAsync(() => job.Status == GenerationStatus.Running && job.Step > 0, "the worker renders");
        Assert.True(onB.Cancel(job.Id, "canceller"));
        await job.Finished.WaitAsync(Wait);
        Assert.Equal(GenerationStatus.Cancelled, job.Status);
        Assert.True(job.Step < 200);
        Assert.Equal(0L, await Queue().PendingAsync());
    }

    [Fact]
    public async Task A_worker_with_another_backbone_refuses_to_render()
    {
        var (_, run) = StartWorker("stranger", sha256: new string('0', 64));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(Wait));
        Assert.Contains("this worker loaded 000000000000", e.Message);
    }
}
