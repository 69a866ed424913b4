namespace DisTok.Web.Rooms;

/// <summary>What changed in a room.</summary>
public enum RoomNoticeKind
{
    /// <summary>The distribution or template was edited; the notice carries the room at its new revision.</summary>
    Edited,

    /// <summary>Someone joined, left, renamed themselves, or took or let go of a slider.</summary>
    Presence,

    /// <summary>A room job was queued, moved in the queue, rendered a step or finished; the notice carries the job.</summary>
    Job,

    /// <summary>A finished image joined the room's history; the notice carries it.</summary>
    ImageAdded,
}
