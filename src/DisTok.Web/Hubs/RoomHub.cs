using DisTok.Core.Distributions;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Generation;
using DisTok.Web.Identity;
using DisTok.Web.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace DisTok.Web.Hubs;

/// <summary>
/// A room for non-Blazor clients (scripts, the load tool), at <c>/hubs/rooms</c>: the same edits, presence and jobs the
/// Studio page sees, through the same <see cref="RoomEditor"/> and <see cref="RoomHubState"/>. <c>Join</c> answers the
/// room's state; afterwards the caller hears <c>roomEdited</c> (<see cref="RoomState"/>) for every edit, <c>roomJob</c>
/// (<see cref="RoomJobEvent"/>) for every change of a room job and <c>imageAdded</c> (the image id) when one lands in
/// the history. Bad input comes back as a <see cref="HubException"/> with the reason, and nothing is stored.
/// </summary>
public sealed class RoomHub(RoomStore store, RoomEditor editor, RoomHubState rooms, RoomGeneration generation, GenerationQueue queue, ILogger<RoomHub> logger) : Hub
{
    const string MemberKey = "member";
    const string SenderKey = "sender";
    const string JobsKey = "jobs";

    /// <summary>Joins a room (one per connection) under <paramref name="displayName"/>.</summary>
    public async Task<RoomState> Join(string roomId, string displayName)
    {
        if (Context.Items.ContainsKey(MemberKey)) throw new HubException("this connection is already in a room; open another connection for another room");
        return await Guard(async () =>
        {
            var name = StudioInput.DisplayName(displayName, "display name");
            var room = await store.GetAsync(roomId);
            var sender = new OrderedSender(Clients.Caller, logger, Context.Abort);
            RoomMembership member;
            try { member = rooms.Join(room.Id, name, notice => Forward(sender, notice)); }
            catch
            {
                sender.Complete();   // a refused join (room full) leaves no pump behind
                throw;
            }
            Context.Items[SenderKey] = sender;
            Context.Items[MemberKey] = member;
            return RoomState.Of(await store.GetAsync(roomId));   // read again, after joining, so no edit slips between
        });
    }

    /// <summary>Sets a concept's un-normalised weight (0..100); returns the room's new revision.</summary>
    public Task<long> SetWeight(string key, double weight) =>
        Guard(async () => (await editor.SetWeightAsync(Member.RoomId, key, weight, Member.DisplayName)).Revision);

    /// <summary>Removes a concept; returns the room's new revision.</summary>
    public Task<long> Remove(string key) => Guard(async () => (await editor.RemoveAsync(Member.RoomId, key, Member.DisplayName)).Revision);

    /// <summary>Queues a render of the room as it is; returns the job id. Every member hears its progress.</summary>
    public Task<string> Generate(int seed, int steps) => Guard(async () =>
    {
        var room = await store.GetAsync(Member.RoomId);
        var origin = new JobOrigin(Owner, room.Id, Member.DisplayName, Payer.Of(Context.GetHttpContext()));
        var start = await generation.StartAsync(room, seed, steps, origin);
        Jobs.RemoveAll(id => queue.Find(id) is null);
        Jobs.Add(start.Job.Id);
        return start.Job.Id.ToString();
    });

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        // Jobs this connection queued that have not started leave with it (a client cannot park work in the queue by
        // connecting, queueing and leaving); a running one finishes and lands in the room's history for the others.
        foreach (var id in Jobs) queue.CancelIfWaiting(id, Owner);
        (Item(MemberKey) as RoomMembership)?.Dispose();
        (Item(SenderKey) as OrderedSender)?.Complete();
        return base.OnDisconnectedAsync(exception);
    }

    RoomMembership Member => Item(MemberKey) as RoomMembership ?? throw new HubException("join a room first");

    List<Guid> Jobs => (List<Guid>)(Context.Items.TryGetValue(JobsKey, out var jobs) ? jobs! : Context.Items[JobsKey] = new List<Guid>());

    object? Item(string key) => Context.Items.TryGetValue(key, out var value) ? value : null;

    string Owner => "roomhub:" + Context.ConnectionId;

    static void Forward(OrderedSender sender, RoomNotice notice)
    {
        switch (notice.Kind)
        {
            case RoomNoticeKind.Edited when notice.Room is { } room: sender.Post("roomEdited", RoomState.Of(room)); break;
            case RoomNoticeKind.Job when notice.Job is { } job: sender.Post("roomJob", RoomJobEvent.Of(job)); break;
            case RoomNoticeKind.ImageAdded when notice.Image is { } image: sender.Post("imageAdded", image.Id); break;
        }
    }

    static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try { return await action(); }
        catch (Exception e) when (e is ArgumentException or StudioNotFoundException) { throw new HubException(e.Message); }
    }
}
