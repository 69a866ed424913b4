using System.Text.Json;
using DisTok.Core.Backbone;
using DisTok.Data.Entities;
using DisTok.Web.Generation;
using DisTok.Web.Rooms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Tests.Rooms;

/// <summary>Two nodes' room states joined by an in-memory relay that sends what Redis would (every message as JSON to
/// every node, the sender included), with a clock the test moves: what a node that dies without a word leaves behind.</summary>
public class RoomRelayTests
{
    sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    sealed class Bus
    {
        public readonly List<Relay> Nodes = [];
        public bool Down;
    }

    sealed class Relay(Bus bus, string node) : IRoomRelay
    {
        public string Node => node;
        public event Action<RoomWire>? Received;

        public void Send(RoomWire message)
        {
            if (bus.Down) return;
            var json = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
            foreach (var n in bus.Nodes) n.Received?.Invoke(JsonSerializer.Deserialize<RoomWire>(json, JsonSerializerOptions.Web)!);
        }
    }

    static (RoomHubState A, RoomHubState B, Bus Bus, Clock Clock) TwoNodes()
    {
        var bus = new Bus();
        var clock = new Clock();
        RoomHubState Node(string name)
        {
            var relay = new Relay(bus, name);
            bus.Nodes.Add(relay);
            return new RoomHubState(Options.Create(new StudioOptions { MaxRoomMembers = 3 }), NullLogger<RoomHubState>.Instance, relay, clock);
        }
        return (Node("a"), Node("b"), bus, clock);
    }

    [Fact]
    public void A_silent_node_drops_out_after_the_expiry_and_its_jobs_end_as_failed()
    {
        var (a, b, bus, clock) = TwoNodes();
        using var ann = a.Join("r1", "ann", _ => { });
        var heard = new List<RoomNotice>();
        using var bob = b.Join("r1", "bob", heard.Add);
        Assert.Equal(["bob", "ann"], b.Members("r1").Select(m => m.DisplayName));

        var job = new GenerationJob(new GenerationRequest("a photo of a <*>", 3, 4), 4, new JobOrigin("client:ann", "r1", "ann"));
        a.Track("r1", job);
        job.Start();
        var mirror = Assert.Single(b.Jobs("r1"));
        Assert.Equal((job.Id, GenerationStatus.Running, "ann"), (mirror.Id, mirror.Status, mirror.Origin.DisplayName));

        // Node A dies: nothing more from it. Within the expiry it still counts; after it, bob's heartbeat drops it.
        bus.Down = true;
        clock.Now += RoomHubState.RemoteExpiry;
        b.SendHeartbeat();
        Assert.Equal(2, b.Members("r1").Count);
        clock.Now += TimeSpan.FromSeconds(1);
        b.SendHeartbeat();
        Assert.Equal("bob", Assert.Single(b.Members("r1")).DisplayName);
        Assert.Empty(b.Jobs("r1"));
        Assert.Equal(GenerationStatus.Failed, mirror.Status);
        Assert.Contains("stopped", mirror.Error);
        Assert.Contains(heard, n => n.Kind == RoomNoticeKind.Job && n.Job == mirror && mirror.IsFinished);
    }

    [Fact]
    public void The_member_limit_counts_the_people_on_both_nodes()
    {
        var (a, b, _, _) = TwoNodes();
        using var one = a.Join("r2", "one", _ => { });
        using var two = a.Join("r2", "two", _ => { });
        using var three = b.Join("r2", "three", _ => { });   // B asks, A answers with its two
        Assert.Equal(3, a.Members("r2").Count);
        Assert.Equal(3, b.Members("r2").Count);
        Assert.Contains("room is full", Assert.Throws<DisTok.Data.Validation.StudioValidationException>(() => b.Join("r2", "four", _ => { })).Message);
        Assert.Contains("room is full", Assert.Throws<DisTok.Data.Validation.StudioValidationException>(() => a.Join("r2", "four", _ => { })).Message);
    }

    [Fact]
    public void A_finished_remote_job_is_seen_done_with_its_image_and_images_reach_only_their_room()
    {
        var (a, b, _, _) = TwoNodes();
        using var ann = a.Join("r3", "ann", _ => { });
        var heard = new List<RoomNotice>();
        using var bob = b.Join("r3", "bob", heard.Add);
        var elsewhere = new List<RoomNotice>();
        using var cara = b.Join("r4", "cara", elsewhere.Add);

        var job = new GenerationJob(new GenerationRequest("a photo of a <*>", 7, 2), 2, new JobOrigin("client:ann", "r3", "ann"));
        a.Track("r3", job);
        job.Start();
        job.Complete(new GeneratedImage([1, 2, 3], 64, 64, 7, 2, 3f, TimeSpan.FromMilliseconds(250)));
        Assert.Empty(b.Jobs("r3"));
        var done = heard.Where(n => n.Kind == RoomNoticeKind.Job).Select(n => n.Job!).Last();
        Assert.Equal((GenerationStatus.Done, 7, 64, 64, 3f, 250.0), (done.Status, done.Result!.Seed, done.Result.Width, done.Result.Height, done.Result.Guidance, done.Result.Elapsed.TotalMilliseconds));
        Assert.Equal([1, 2, 3], done.Result.Png);

        a.Publish("r3", new RoomNotice(RoomNoticeKind.ImageAdded, Image: new RoomImage { Id = 5, RoomId = "r3", Png = [9], CreatedBy = "ann" }));
        var image = heard.Single(n => n.Kind == RoomNoticeKind.ImageAdded).Image!;
        Assert.Equal((5L, "ann"), (image.Id, image.CreatedBy));
        Assert.Equal([9], image.Png);
        Assert.DoesNotContain(elsewhere, n => n.Kind is RoomNoticeKind.ImageAdded or RoomNoticeKind.Job);
    }
}
