using System.Collections.Concurrent;
using DisTok.Data.Validation;
using DisTok.Web.Generation;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Rooms;

/// <summary>
/// Who is in which room, and the room's live jobs; pushes every change to every member (Blazor pages subscribe with
/// <see cref="Join"/>, call <c>InvokeAsync(StateHasChanged)</c> and dispose the membership). Notices are delivered on
/// the thread that caused them; a listener that throws is logged and skipped.
/// <para>In a cluster an <see cref="IRoomRelay"/> carries every notice to the other studio nodes and theirs to this
/// node's members: edits and images as they are, jobs as mirrors (<see cref="RoomJobWire"/>), and presence as each
/// node's complete member list, re-sent as a heartbeat so that a node that dies without a word drops out after
/// <see cref="RemoteExpiry"/>.</para>
/// </summary>
public sealed class RoomHubState
{
    /// <summary>How often a node re-sends its members of each room.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>A node not heard of for this long is taken as gone and its members leave the room.</summary>
    public static readonly TimeSpan RemoteExpiry = TimeSpan.FromSeconds(15);

    sealed record RemoteMembers(IReadOnlyList<RoomPresence> Members, DateTimeOffset HeardUtc);

    sealed class Channel
    {
        public readonly Lock Gate = new();
        public readonly List<RoomMembership> Members = [];
        public readonly List<GenerationJob> Jobs = [];
        public readonly Dictionary<string, RemoteMembers> Remote = new(StringComparer.Ordinal);   // by node
        public readonly Dictionary<Guid, (string Node, GenerationJob Job)> RemoteJobs = [];
        public bool Closed;   // removed from _rooms: whoever holds it takes a new one
    }

    readonly ConcurrentDictionary<string, Channel> _rooms = new(StringComparer.Ordinal);
    readonly IOptions<StudioOptions> _options;
    readonly ILogger<RoomHubState> _logger;
    readonly IRoomRelay? _relay;
    readonly TimeProvider _clock;
    readonly Observability.StudioTelemetry? _telemetry;

    public RoomHubState(IOptions<StudioOptions> options, ILogger<RoomHubState> logger, IRoomRelay? relay = null, TimeProvider? clock = null,
        Observability.StudioTelemetry? telemetry = null)
    {
        _options = options;
        _logger = logger;
        _relay = relay;
        _clock = clock ?? TimeProvider.System;
        _telemetry = telemetry;
        if (relay is not null) relay.Received += Receive;
    }

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

    /// <summary>Forgets the room's channel when nobody here is in it and nothing renders for it here.</summary>
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
    /// <exception cref="StudioValidationException">The room already has <see cref="StudioOptions.MaxRoomMembers"/> people
    /// (on all nodes together).</exception>
    public RoomMembership Join(string roomId, string displayName, Action<RoomNotice> listener)
    {
        var member = new RoomMembership(this, roomId, displayName, listener);
        int max = _options.Value.MaxRoomMembers;
        bool first = WithChannel(roomId, channel =>
        {
            if (channel.Members.Count + LiveRemote(channel).Sum(r => r.Members.Count) >= max)
                throw new StudioValidationException("room", $"the room is full ({max} people); try again later");
            channel.Members.Add(member);
            return channel.Members.Count == 1;
        });
        if (first) _relay?.Send(new RoomWire(_relay.Node, roomId, RoomWireKind.PresenceAsk));
        PresenceChanged(roomId);
        return member;
    }

    /// <summary>The people in a room, in the order they joined: this node's first, then the other nodes'.</summary>
    public IReadOnlyList<RoomPresence> Members(string roomId) =>
        _rooms.TryGetValue(roomId, out var c)
            ? Locked(c, () => c.Members.Select(m => m.Presence).Concat(LiveRemote(c).SelectMany(r => r.Members)).ToList())
            : [];

    /// <summary>The room's jobs that are queued or running, oldest first (this node's, then mirrors of the others').</summary>
    public IReadOnlyList<GenerationJob> Jobs(string roomId) =>
        _rooms.TryGetValue(roomId, out var c) ? Locked(c, () => c.Jobs.Concat(c.RemoteJobs.Values.Select(r => r.Job)).ToList()) : [];

    /// <summary>Sends a notice to every member of the room, on every node.</summary>
    public void Publish(string roomId, RoomNotice notice)
    {
        Deliver(roomId, notice);
        if (_relay is null) return;
        var wire = notice.Kind switch
        {
            RoomNoticeKind.Edited => new RoomWire(_relay.Node, roomId, RoomWireKind.Edited, Room: notice.Room),
            RoomNoticeKind.ImageAdded => new RoomWire(_relay.Node, roomId, RoomWireKind.ImageAdded, Image: notice.Image),
            RoomNoticeKind.Job when notice.Job is { } job => new RoomWire(_relay.Node, roomId, RoomWireKind.Job, Job: RoomJobWire.Of(job)),
            RoomNoticeKind.Presence => PresenceWire(roomId),
            _ => null,
        };
        if (wire is not null) _relay.Send(wire);
    }

    void Deliver(string roomId, RoomNotice notice)
    {
        if (!_rooms.TryGetValue(roomId, out var channel)) return;
        foreach (var member in Locked(channel, () => channel.Members.ToList()))
        {
            try { member.Deliver(notice); }
            catch (Exception e) { _logger.LogWarning(e, "A room listener failed on {Kind}", notice.Kind); }
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

    /// <summary>Re-sends this node's members of every room it has members in (the relay calls it every <see cref="Heartbeat"/>),
    /// and tells this node's members of rooms where another node fell silent.</summary>
    public void SendHeartbeat()
    {
        if (_relay is null) return;
        foreach (var (roomId, channel) in _rooms)
        {
            var now = _clock.GetUtcNow();
            var gone = Locked(channel, () => channel.Remote.Where(r => now - r.Value.HeardUtc > RemoteExpiry).Select(r => r.Key).ToList());
            if (Locked(channel, () => channel.Members.Count) > 0) _relay.Send(PresenceWire(roomId));
            if (gone.Count > 0) DropNodes(roomId, channel, gone);
        }
    }

    /// <summary>Forgets the members of nodes that left or fell silent; their jobs' mirrors end as failed.</summary>
    void DropNodes(string roomId, Channel channel, IReadOnlyList<string> nodes)
    {
        List<GenerationJob> orphans;
        lock (channel.Gate)
        {
            foreach (var node in nodes) channel.Remote.Remove(node);
            orphans = channel.RemoteJobs.Values.Where(r => nodes.Contains(r.Node)).Select(r => r.Job).ToList();
            foreach (var job in orphans) channel.RemoteJobs.Remove(job.Id);
        }
        foreach (var job in orphans)
        {
            job.Mirror(GenerationStatus.Failed, 0, job.Step, null, null, "the studio node that rendered it stopped");
            Deliver(roomId, new RoomNotice(RoomNoticeKind.Job, Job: job));
        }
        Deliver(roomId, new RoomNotice(RoomNoticeKind.Presence));
    }

    /// <summary>Tells the other nodes this one is stopping, so its members leave their rooms at once.</summary>
    public void SendGoodbye()
    {
        if (_relay is null) return;
        foreach (var roomId in _rooms.Keys) _relay.Send(new RoomWire(_relay.Node, roomId, RoomWireKind.NodeLeft));
    }

    RoomWire PresenceWire(string roomId) => new(_relay!.Node, roomId, RoomWireKind.Presence,
        Members: _rooms.TryGetValue(roomId, out var c) ? Locked(c, () => c.Members.Select(m => m.Presence).ToList()) : []);

    /// <summary>A message from another node: delivered to this node's members of the room, if it has any.</summary>
    void Receive(RoomWire wire)
    {
        if (wire.Node == _relay!.Node || !_rooms.TryGetValue(wire.RoomId, out var channel)) return;
        switch (wire.Kind)
        {
            case RoomWireKind.Edited when wire.Room is { } room:
                if (wire.SentUtc is { } sent) _telemetry?.Relayed(sent);
                Deliver(wire.RoomId, new RoomNotice(RoomNoticeKind.Edited, Room: room));
                break;
            case RoomWireKind.ImageAdded when wire.Image is { } image:
                Deliver(wire.RoomId, new RoomNotice(RoomNoticeKind.ImageAdded, Image: image));
                break;
            case RoomWireKind.Job when wire.Job is { } state:
                GenerationJob mirror;
                lock (channel.Gate)
                {
                    if (channel.RemoteJobs.TryGetValue(state.Id, out var known)) mirror = known.Job;
                    else channel.RemoteJobs[state.Id] = (wire.Node, mirror = state.NewMirror(wire.RoomId));
                    if (state.Status is GenerationStatus.Done or GenerationStatus.Failed or GenerationStatus.Cancelled)
                        channel.RemoteJobs.Remove(state.Id);
                }
                if (!mirror.IsFinished) state.ApplyTo(mirror);
                Deliver(wire.RoomId, new RoomNotice(RoomNoticeKind.Job, Job: mirror));
                break;
            case RoomWireKind.Presence:
                lock (channel.Gate) channel.Remote[wire.Node] = new RemoteMembers(wire.Members ?? [], _clock.GetUtcNow());
                Deliver(wire.RoomId, new RoomNotice(RoomNoticeKind.Presence));
                break;
            case RoomWireKind.PresenceAsk:
                if (Locked(channel, () => channel.Members.Count) > 0) _relay.Send(PresenceWire(wire.RoomId));
                break;
            case RoomWireKind.NodeLeft:
                DropNodes(wire.RoomId, channel, [wire.Node]);
                break;
        }
    }

    IEnumerable<RemoteMembers> LiveRemote(Channel channel)
    {
        var now = _clock.GetUtcNow();
        return channel.Remote.Values.Where(r => now - r.HeardUtc <= RemoteExpiry);
    }

    static T Locked<T>(Channel channel, Func<T> read)
    {
        lock (channel.Gate) return read();
    }
}
