using System.Collections.Concurrent;
using System.Net;
using DisTok.Data.Accounts;
using DisTok.Data.Stores;
using DisTok.Tests.Shared;
using DisTok.Web.Hubs;
using DisTok.Web.Rooms;
using DisTok.Web.Tests.Accounts;
using DisTok.Web.Tests.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Cluster;

/// <summary>One studio node of a cluster: the real app in cluster mode on a shared PostgreSQL database and Redis.</summary>
public sealed class ClusterNodeFactory(string database, params (string Key, string Value)[] more) : StudioAppFactory(withDisTok: true)
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
        [("Studio:Mode", "Cluster"), ("Studio:Database", "Postgres"), ("ConnectionStrings:Studio", database), ("ConnectionStrings:Redis", TestRedis.Server()), .. more];
}

/// <summary>Two studio nodes on one database and one Redis, as a proxy would spread people over them: a room's edits,
/// jobs, images and presence reach its members on the other node, a sign-in made on one node holds on the other, and
/// a node that stops leaves its rooms.</summary>
[Trait("Database", "PostgreSQL")]
public sealed class ClusterTests : IAsyncLifetime
{
    internal static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    readonly string _database = TestPostgres.CreateDatabase();
    ClusterNodeFactory _a = default!, _b = default!;

    public Task InitializeAsync()
    {
        _a = new ClusterNodeFactory(_database);
        _b = new ClusterNodeFactory(_database);
        _ = (_a.Services, _b.Services);   // both started (the second migrates nothing)
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        TestPostgres.DropDatabase(_database);
    }

    internal sealed record Member(HubConnection Hub, ConcurrentQueue<RoomState> Edits, ConcurrentQueue<RoomJobEvent> Jobs, ConcurrentQueue<long> Images);

    internal static async Task<Member> JoinAsync(StudioAppFactory node, string roomId, string name)
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(node.BaseAddress, "/hubs/rooms")).Build();
        var member = new Member(hub, new(), new(), new());
        hub.On<RoomState>("roomEdited", s => member.Edits.Enqueue(s));
        hub.On<RoomJobEvent>("roomJob", j => member.Jobs.Enqueue(j));
        hub.On<long>("imageAdded", id => member.Images.Enqueue(id));
        await hub.StartAsync();
        await hub.InvokeAsync<RoomState>("Join", roomId, name);
        return member;
    }

    internal static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Edits_jobs_and_images_made_on_one_node_reach_members_on_the_other()
    {
        var room = await _a.Services.GetRequiredService<RoomStore>().CreateAsync("across nodes", "a photo of a <*>");
        var ann = await JoinAsync(_a, room.Id, "ann");
        var bob = await JoinAsync(_b, room.Id, "bob");

        long revision = await ann.Hub.InvokeAsync<long>("SetWeight", "pig", 37.5);
        await UntilAsync(() => bob.Edits.Any(s => s.Revision >= revision), "bob sees ann's edit");
        Assert.Equal(("pig", 37.5, "ann"), bob.Edits.Last().Weights.Select(w => (w.Key, w.Weight, w.UpdatedBy)).Single());
        long back = await bob.Hub.InvokeAsync<long>("SetWeight", "sheep", 20);
        await UntilAsync(() => ann.Edits.Any(s => s.Revision >= back), "ann sees bob's edit");
        Assert.True(back > revision);

        var job = await ann.Hub.InvokeAsync<string>("Generate", 3, 2);
        await UntilAsync(() => bob.Jobs.Any(j => j.JobId == job && j.Status == "done"), "bob sees ann's job finish");
        Assert.Contains(bob.Jobs, j => j.JobId == job && j.Status is "queued" or "running");
        await UntilAsync(() => bob.Images.Count == 1, "bob hears of the new image");
        var image = await _b.Services.GetRequiredService<RoomStore>().GetImageAsync(room.Id, bob.Images.Single());
        Assert.Equal("ann", image.CreatedBy);
        await ann.Hub.DisposeAsync();
        await bob.Hub.DisposeAsync();
    }

    [Fact]
    public async Task Presence_spans_both_nodes_and_a_node_that_stops_leaves_its_rooms()
    {
        var room = await _a.Services.GetRequiredService<RoomStore>().CreateAsync("presence", "a photo of a <*>");
        var onA = _a.Services.GetRequiredService<RoomHubState>();
        var onB = _b.Services.GetRequiredService<RoomHubState>();
        using var ann = onA.Join(room.Id, "ann", _ => { });
        var bobHeard = new ConcurrentQueue<RoomNotice>();
        using var bob = onB.Join(room.Id, "bob", bobHeard.Enqueue);
        await UntilAsync(() => onA.Members(room.Id).Count == 2 && onB.Members(room.Id).Count == 2, "both nodes list both people");
        Assert.Equal(["ann", "bob"], onA.Members(room.Id).Select(m => m.DisplayName));
        Assert.Equal(["bob", "ann"], onB.Members(room.Id).Select(m => m.DisplayName));

        ann.Hold("pig");
        await UntilAsync(() => onB.Members(room.Id).Any(m => m.DisplayName == "ann" && m.HoldingKey == "pig"), "bob sees ann holding pig");

        await _a.DisposeAsync();   // node A stops: it says goodbye
        await UntilAsync(() => onB.Members(room.Id).Count == 1, "ann leaves with her node");
        Assert.Equal("bob", onB.Members(room.Id).Single().DisplayName);
        _a = new ClusterNodeFactory(_database);   // for DisposeAsync
    }

    [Fact]
    public async Task A_sign_in_made_on_one_node_holds_on_the_other()
    {
        var cookies = new CookieContainer();   // cookies belong to the host, not the port: node B gets node A's
        var (http, email) = await SignInForm.NewAccountAsync(_a, StudioRoles.User, cookies: cookies);
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _b.BaseAddress };
        Assert.Contains(email, await onB.GetStringAsync("/"));
        http.Dispose();
    }

    [Fact]
    public async Task A_rate_limit_holds_for_a_client_across_both_nodes()
    {
        // Two more nodes on the same database and Redis, with a low limit on stored things (the test's usual nodes have
        // it out of the way). The client's address is one made up for this test, so no other test shares its window.
        (string, string)[] low = [("RateLimits:Store:Permits", "3"), ("RateLimits:Store:WindowSeconds", "600")];
        await using var c = new ClusterNodeFactory(_database, low);
        await using var d = new ClusterNodeFactory(_database, low);
        var address = $"198.18.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
        HttpClient From(StudioAppFactory node)
        {
            var http = new HttpClient { BaseAddress = node.BaseAddress };
            http.DefaultRequestHeaders.Add("X-Forwarded-For", address);   // a proxy on loopback says who the client is
            return http;
        }
        using var onC = From(c);
        using var onD = From(d);
        var answers = new List<HttpStatusCode>();
        foreach (var http in new[] { onC, onD, onC, onD })
            answers.Add((await http.PostAsync("/api/rooms", System.Net.Http.Json.JsonContent.Create(new { name = "limited" }))).StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task A_promotion_on_one_node_is_served_by_every_node_that_can_verify_its_files()
    {
        var shared = Directory.CreateTempSubdirectory("distok-shared-versions-").FullName;
        try
        {
            // Nodes c and d share a versions folder (as a cluster's nodes share storage); node e has only its own.
            await using var c = new ClusterNodeFactory(_database, ("Studio:VersionsPath", shared));
            await using var d = new ClusterNodeFactory(_database, ("Studio:VersionsPath", shared));
            await using var e = new ClusterNodeFactory(_database);
            var onC = c.Services.GetRequiredService<DisTok.Web.Models.ServedDisTok>();
            var onD = d.Services.GetRequiredService<DisTok.Web.Models.ServedDisTok>();
            var onE = e.Services.GetRequiredService<DisTok.Web.Models.ServedDisTok>();
            // Version 1: a copy of the embedded model's files, recorded with their sha256.
            var folder = Path.Combine(shared, "v1");
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(Path.Combine(c.Models, "distok"))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            await c.Services.GetRequiredService<ModelVersions>().AddAsync(new DisTok.Data.Entities.ModelVersion
            {
                Number = 1, Folder = "v1", Sha256 = onC.Model!.Stamp.Sha256, CreatedBy = "test",
            });

            await c.Services.GetRequiredService<DisTok.Web.Training.VersionPromotion>().PromoteAsync(1, "admin@lab.example");
            Assert.Equal(1, onC.VersionNumber);
            await UntilAsync(() => onD.VersionNumber == 1, "node d serves v1");
            await e.Services.GetRequiredService<DisTok.Web.Cluster.VersionWatcher>().SyncAsync(CancellationToken.None);
            Assert.Equal(0, onE.VersionNumber);   // it cannot find v1's files: it keeps what it serves

            await d.Services.GetRequiredService<DisTok.Web.Training.VersionPromotion>().PromoteAsync(0, "admin@lab.example");   // a rollback
            await UntilAsync(() => onC.VersionNumber == 0, "node c rolls back too");
        }
        finally { Directory.Delete(shared, recursive: true); }
    }

    [Fact]
    public async Task A_training_run_going_on_one_node_is_cancelled_from_the_other()
    {
        var onA = _a.Services.GetRequiredService<DisTok.Web.Training.TrainingService>();
        var onB = _b.Services.GetRequiredService<DisTok.Web.Training.TrainingService>();
        var run = await onA.StartAsync(onA.Defaults() with { Steps = 5000, EstimationEvery = 0, SampleEvery = 0 }, "admin@lab.example");
        await onB.CancelAsync(run.Number, "admin@lab.example");          // node B does not run it: it asks the node that does
        var runs = _b.Services.GetRequiredService<TrainingRuns>();
        await UntilAsync(() => runs.GetAsync(run.Number).GetAwaiter().GetResult().Status == DisTok.Data.Entities.TrainingRunStatus.Cancelled,
            "the run ends cancelled on node A");
        await UntilAsync(() => !onA.IsActive, "node A lets go of the run");
        var again = await Assert.ThrowsAsync<DisTok.Data.Validation.StudioConflictException>(() => onB.CancelAsync(run.Number, "admin@lab.example"));
        Assert.Contains("is not going", again.Message);
    }

    [Fact]
    public async Task Health_reports_that_each_node_reaches_PostgreSQL_and_Redis()
    {
        using var http = new HttpClient { BaseAddress = _b.BaseAddress };
        var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/healthz")).RootElement;
        Assert.Equal(("ok", "ok", "ok"), (health.GetProperty("status").GetString(), health.GetProperty("postgres").GetString(), health.GetProperty("redis").GetString()));
    }

    [Theory]
    [InlineData("Redis", "", "ConnectionStrings:Redis is empty")]
    [InlineData("Redis", "127.0.0.1:1,connectTimeout=500", "Redis at 127.0.0.1:1 cannot be reached")]
    public void A_cluster_node_without_its_Redis_does_not_start(string name, string value, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => new BadSettingFactory(("Studio:Mode", "Cluster"), ("Studio:Database", "Postgres"),
            ("ConnectionStrings:Studio", _database), ($"ConnectionStrings:{name}", value)).Services);
        Assert.Contains(message, string.Join(" | ", DeploymentTests.Flatten(e).Select(x => x.Message)));
    }

    [Fact]
    public void Cluster_mode_on_SQLite_is_refused_at_start()
    {
        var e = Assert.ThrowsAny<Exception>(() => new BadSettingFactory(("Studio:Mode", "Cluster")).Services);
        Assert.Contains("Studio:Mode is Cluster but Studio:Database is not Postgres", string.Join(" | ", DeploymentTests.Flatten(e).Select(x => x.Message)));
    }
}
