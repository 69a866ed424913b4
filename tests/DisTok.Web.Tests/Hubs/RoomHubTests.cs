using System.Collections.Concurrent;
using System.Threading.Channels;
using DisTok.Data.Stores;
using DisTok.Web.Generation;
using DisTok.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Hubs;

/// <summary>The room hub on the real app: live edits between connections, bad input, and the queue under 50 room jobs.</summary>
public class RoomHubTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    RoomStore Rooms => app.Services.GetRequiredService<RoomStore>();

    GenerationQueue Queue => app.Services.GetRequiredService<GenerationQueue>();

    sealed record Member(HubConnection Hub, Channel<RoomState> Edits, ConcurrentQueue<RoomJobEvent> Jobs, ConcurrentQueue<long> Images);

    async Task<Member> JoinAsync(string roomId, string name)
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/rooms")).Build();
        var member = new Member(hub, Channel.CreateUnbounded<RoomState>(), new(), new());
        hub.On<RoomState>("roomEdited", s => member.Edits.Writer.TryWrite(s));
        hub.On<RoomJobEvent>("roomJob", j => member.Jobs.Enqueue(j));
        hub.On<long>("imageAdded", id => member.Images.Enqueue(id));
        await hub.StartAsync();
        await hub.InvokeAsync<RoomState>("Join", roomId, name);
        return member;
    }

    async Task<string> NewRoomAsync() => (await Rooms.CreateAsync("hub room", "a photo of a <*>")).Id;

    static async Task<RoomState> UntilAsync(Member member, Func<RoomState, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await foreach (var state in member.Edits.Reader.ReadAllAsync(timeout.Token))
            if (condition(state)) return state;
        throw new TimeoutException();
    }

    [Fact]
    public async Task An_edit_by_one_member_reaches_the_other_with_a_newer_revision()
    {
        var roomId = await NewRoomAsync();
        var ann = await JoinAsync(roomId, "ann");
        var bob = await JoinAsync(roomId, "bob");
        long revision = await ann.Hub.InvokeAsync<long>("SetWeight", "pig", 37.5);
        var seen = await UntilAsync(bob, s => s.Revision >= revision);
        var pig = Assert.Single(seen.Weights);
        Assert.Equal(("pig", 37.5, "ann"), (pig.Key, pig.Weight, pig.UpdatedBy));
        await ann.Hub.DisposeAsync();
        await bob.Hub.DisposeAsync();
    }

    [Theory]
    [InlineData("grizzlecorn", 10.0, "unknown concept 'grizzlecorn'")]
    [InlineData("pig", -1.0, "weight")]
    [InlineData("pig", 1000.0, "weight")]
    public async Task Bad_edits_are_refused_with_the_reason_and_nothing_is_stored(string key, double weight, string reason)
    {
        var roomId = await NewRoomAsync();
        var ann = await JoinAsync(roomId, "ann");
        var before = await Rooms.GetAsync(roomId);
        var e = await Assert.ThrowsAsync<HubException>(() => ann.Hub.InvokeAsync<long>("SetWeight", key, weight));
        Assert.Contains(reason, e.Message);
        Assert.Equal(before.Revision, (await Rooms.GetAsync(roomId)).Revision);
        await ann.Hub.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_rooms_edits_before_joining_and_bad_names_are_refused()
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/rooms")).Build();
        await hub.StartAsync();
        Assert.Contains("join a room first", (await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<long>("SetWeight", "pig", 1.0))).Message);
        Assert.Contains("not found", (await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<RoomState>("Join", "AAAAAAAAAAAAAAAAAAAAAA", "ann"))).Message);
        var roomId = await NewRoomAsync();
        Assert.Contains("display name", (await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<RoomState>("Join", roomId, new string('x', 500)))).Message);
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task Fifty_jobs_from_ten_rooms_all_finish_once_and_land_in_their_rooms()
    {
        const int RoomCount = 10, PerRoom = 5;
        var members = new List<(string RoomId, Member Member)>();
        for (int r = 0; r < RoomCount; r++)
        {
            var roomId = await NewRoomAsync();
            for (int m = 0; m < PerRoom; m++) members.Add((roomId, await JoinAsync(roomId, $"m{m}")));
            await members[^1].Member.Hub.InvokeAsync<long>("SetWeight", r % 2 == 0 ? "pig" : "owl", 40.0);
        }
        var ids = await Task.WhenAll(members.Select((x, i) => x.Member.Hub.InvokeAsync<string>("Generate", i, 2)));
        Assert.Equal(RoomCount * PerRoom, ids.Distinct().Count());

        // Every member hears every job of its room end exactly once, done.
        foreach (var (roomId, member) in members)
        {
            var roomJobs = members.Select((x, i) => (x.RoomId, Id: ids[i])).Where(x => x.RoomId == roomId).Select(x => x.Id).ToHashSet();
            using var timeout = new CancellationTokenSource(Wait);
            while (member.Jobs.Count(j => j.Status == "done") < PerRoom) await Task.Delay(20, timeout.Token);
            var done = member.Jobs.Where(j => j.Status is "done" or "failed" or "cancelled").ToList();
            Assert.Equal(roomJobs.Order(), done.Select(j => j.JobId).Order());
        }
        foreach (var roomId in members.Select(x => x.RoomId).Distinct())
        {
            using var timeout = new CancellationTokenSource(Wait);
            while ((await Rooms.HistoryAsync(roomId)).Count < PerRoom) await Task.Delay(20, timeout.Token);
            Assert.Equal(PerRoom, (await Rooms.HistoryAsync(roomId)).Select(i => i.Seed).Distinct().Count());
        }
        Assert.Equal(0, Queue.Depth);
        Assert.All(ids, id => Assert.Null(Queue.Find(Guid.Parse(id))));
        foreach (var (_, member) in members) await member.Hub.DisposeAsync();
    }

    [Fact]
    public async Task A_member_who_leaves_mid_generation_leaves_no_stuck_job_and_the_image_still_lands()
    {
        var roomId = await NewRoomAsync();
        var ann = await JoinAsync(roomId, "ann");
        var bob = await JoinAsync(roomId, "bob");
        await ann.Hub.InvokeAsync<long>("SetWeight", "fox", 60.0);
        var id = Guid.Parse(await ann.Hub.InvokeAsync<string>("Generate", 9, Queue.Capabilities.MaxSteps));
        using (var timeout = new CancellationTokenSource(Wait))
            while (!bob.Jobs.Any(j => j.JobId == id.ToString() && j.Status == "running")) await Task.Delay(10, timeout.Token);
        await ann.Hub.DisposeAsync();

        using (var timeout = new CancellationTokenSource(Wait))
            while (!bob.Jobs.Any(j => j.JobId == id.ToString() && j.Status == "done")) await Task.Delay(20, timeout.Token);
        Assert.Null(Queue.Find(id));
        using (var timeout = new CancellationTokenSource(Wait))
            while (bob.Images.IsEmpty) await Task.Delay(20, timeout.Token);
        Assert.Equal(9, Assert.Single(await Rooms.HistoryAsync(roomId)).Seed);
        await bob.Hub.DisposeAsync();
    }

    [Fact]
    public async Task A_room_nobody_is_in_and_nothing_renders_for_is_forgotten()
    {
        var state = app.Services.GetRequiredService<DisTok.Web.Rooms.RoomHubState>();
        var roomId = await NewRoomAsync();
        var ann = await JoinAsync(roomId, "ann");
        var bob = await JoinAsync(roomId, "bob");
        await ann.Hub.InvokeAsync<long>("SetWeight", "fox", 60.0);
        var id = Guid.Parse(await ann.Hub.InvokeAsync<string>("Generate", 3, 2));
        using (var timeout = new CancellationTokenSource(Wait))
            while (!bob.Jobs.Any(j => j.JobId == id.ToString() && j.Status == "done")) await Task.Delay(20, timeout.Token);
        Assert.True(state.IsActive(roomId));
        await ann.Hub.DisposeAsync();
        await bob.Hub.DisposeAsync();
        using (var timeout = new CancellationTokenSource(Wait))
            while (state.Members(roomId).Count > 0) await Task.Delay(20, timeout.Token);
        Assert.Empty(state.Jobs(roomId));
        Assert.False(state.IsActive(roomId));
    }

    [Fact]
    public async Task A_join_refused_because_the_room_is_full_leaves_the_connection_free_to_join_another()
    {
        var full = await NewRoomAsync();
        var members = new List<Member>();
        int max = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StudioOptions>>().Value.MaxRoomMembers;
        for (int i = 0; i < max; i++) members.Add(await JoinAsync(full, $"m{i}"));
        var late = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/rooms")).Build();
        await late.StartAsync();
        var e = await Assert.ThrowsAsync<HubException>(() => late.InvokeAsync<RoomState>("Join", full, "late"));
        Assert.Contains("the room is full", e.Message);
        var other = await NewRoomAsync();
        Assert.Equal(other, (await late.InvokeAsync<RoomState>("Join", other, "late")).RoomId);
        await late.DisposeAsync();
        foreach (var m in members) await m.Hub.DisposeAsync();
    }
}

