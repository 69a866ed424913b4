namespace DisTok.Web.Rooms;

/// <summary>One open page in a room: receives the room's notices until disposed, and carries the person's presence.</summary>
public sealed class RoomMembership : IDisposable
{
    readonly RoomHubState _hub;
    readonly Action<RoomNotice> _listener;
    int _disposed;

    internal RoomMembership(RoomHubState hub, string roomId, string displayName, Action<RoomNotice> listener)
    {
        _hub = hub;
        RoomId = roomId;
        DisplayName = displayName;
        _listener = listener;
    }

    /// <summary>This membership's id.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The room.</summary>
    public string RoomId { get; }

    /// <summary>The name the others see.</summary>
    public string DisplayName { get; private set; }

    /// <summary>The concept whose slider this person is moving, or null.</summary>
    public string? HoldingKey { get; private set; }

    /// <summary>Shows another name to the others.</summary>
    public void Rename(string displayName)
    {
        if (DisplayName == displayName) return;
        DisplayName = displayName;
        _hub.PresenceChanged(RoomId);
    }

    /// <summary>Tells the others this person is moving <paramref name="key"/>'s slider (null: none).</summary>
    public void Hold(string? key)
    {
        if (HoldingKey == key) return;
        HoldingKey = key;
        _hub.PresenceChanged(RoomId);
    }

    internal RoomPresence Presence => new(Id, DisplayName, HoldingKey);

    internal void Deliver(RoomNotice notice) => _listener(notice);

    /// <summary>Leaves the room.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _hub.Leave(this);
    }
}
