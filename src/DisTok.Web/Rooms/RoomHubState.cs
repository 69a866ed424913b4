using System.Collections.Concurrent;
using DisTok.Data.Validation;
using DisTok.Web.Generation;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Rooms;

/// <summary>
/// Who is in which room, and the room's live jobs; pushes every change to every member (Blazor pages subscribe with
/// <see cref="Join"/>, call <c>InvokeAsync(StateHasChanged)</c> and dispose the membership). Notices are delivered on
/// the thread that caused them; a listener that throws is logged and skipped.
/// </summary>
public sealed class RoomHubState(IOptions<StudioOptions> options, ILogger<RoomHubState> logger)
{
    sealed class Channel
    {
        public readonly Lock Gate = new();
        public readonly List<RoomMembership> Members = [];
        public readonly List<GenerationJob> Jobs = [];
        public bool Closed;   // removed from _rooms: whoever holds it takes a new one
    }

    readonly ConcurrentDictionary<string, Channel> _rooms = new(StringComparer.Ordinal);

    /// <summary>True while the room has someone in it or a job going; a room nobody is in and nothing renders for is
    /// forgotten, so the state holds only live rooms however many were ever opened.</summary>
    public bool IsActive(string roomId) => _rooms.ContainsKey(roomId);

    /// <summary>Runs <paramref name="change"/> under the room's open channel, taking a new one if the held one was closed.</summary>
    T WithChannel<T>(string roomId, Func<Channel, T> change)
    {
        while (true)
        {
            var channel = _rooms.GetOrAdd(roomId, _ => new Channel());
            lock (channel.Gate)
                if (!channel.Closed) return change(channel);
        }
    }

    /// <summary>Forgets the room's channel when nobody is in it and nothing renders for it.</summary>
    void CloseIfIdle(string roomId, Channel channel)
    {
        lock (channel.Gate)
        {
            if (channel.Closed || channel.Members.Count > 0 || channel.Jobs.Count > 0) return;
            channel.Closed = true;
            _rooms.TryRemove(new KeyValuePair<string, Channel>(roomId, channel));
        }
    }

    /// <summary>Joins a room: <paramref name="listener"/> hears every notice until the membership is disposed.</summary>
    /// <exception cref="StudioValidationException">The room already has <see cref="StudioOptions.MaxRoomMembers"/> people.</exception>
    public RoomMembership Join(string roomId, string displayName, Action<RoomNotice> listener)
    {
        var member = new RoomMembership(this, roomId, displayName, listener);
        int max = options.Value.MaxRoomMembers;
        WithChannel(roomId, channel =>
        {
            if (channel.Members.Count >= max) throw new StudioValidationException("room", $"the room is full ({max} people); try again later");
            channel.Members.Add(member);
            return true;
        });
        PresenceChanged(roomId);
        return member;
    }

    /// <summary>The people in a room, in the order they joined.</summary>
    public IReadOnlyList<RoomPresence> Members(string roomId) =>
        _rooms.TryGetValue(roomId, out var c) ? Locked(c, () => c.Members.Select(m => m.Presence).ToList()) : [];

    /// <summary>The room's jobs that are queued or running, oldest first.</summary>
    public IReadOnlyList<GenerationJob> Jobs(string roomId) =>
        _rooms.TryGetValue(roomId, out var c) ? Locked(c, () => c.Jobs.ToList()) : [];

    /// <summary>Sends a notice to every member of the room.</summary>
    public void Publish(string roomId, RoomNotice notice)
    {
        if (!_rooms.TryGetValue(roomId, out var channel)) return;
        foreach (var member in Locked(channel, () => channel.Members.ToList()))
        {
            try { member.Deliver(notice); }
            catch (Exception e) { logger.LogWarning(e, "A room listener failed on {Kind}", notice.Kind); }
        }
    }

    /// <summary>Shows a job to the room until it finishes; every change of it becomes a <see cref="RoomNoticeKind.Job"/> notice.</summary>
    public void Track(string roomId, GenerationJob job)
    {
        Channel? channel = null;
        job.Changed += j =>
        {
            if (j.IsFinished && Volatile.Read(ref channel) is { } c) Forget(roomId, c, j);
            Publish(roomId, new RoomNotice(RoomNoticeKind.Job, Job: j));
        };
        var held = WithChannel(roomId, c =>
        {
            c.Jobs.Add(job);
            return c;
        });
        Volatile.Write(ref channel, held);
        if (job.IsFinished) Forget(roomId, held, job);   // it ended before the line above: the handler could not remove it
        Publish(roomId, new RoomNotice(RoomNoticeKind.Job, Job: job));
    }

    void Forget(string roomId, Channel channel, GenerationJob job)
    {
        lock (channel.Gate) channel.Jobs.Remove(job);
        CloseIfIdle(roomId, channel);
    }

    internal void PresenceChanged(string roomId) => Publish(roomId, new RoomNotice(RoomNoticeKind.Presence));

    internal void Leave(RoomMembership member)
    {
        if (!_rooms.TryGetValue(member.RoomId, out var channel)) return;
        lock (channel.Gate) channel.Members.Remove(member);
        PresenceChanged(member.RoomId);
        CloseIfIdle(member.RoomId, channel);
    }

    static T Locked<T>(Channel channel, Func<T> read)
    {
        lock (channel.Gate) return read();
    }
}
