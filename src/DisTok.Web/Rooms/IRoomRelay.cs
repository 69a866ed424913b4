namespace DisTok.Web.Rooms;

/// <summary>Carries room messages between studio nodes (cluster mode); a single studio has none. Messages may arrive
/// in any order across rooms, in send order for one sender, and a node hears its own too (it drops them).</summary>
public interface IRoomRelay
{
    /// <summary>This node's id, as it signs its messages.</summary>
    string Node { get; }

    /// <summary>Sends to every node; never throws (a lost message is logged: the heartbeat repairs presence).</summary>
    void Send(RoomWire message);

    /// <summary>Raised for every message from any node, on the relay's thread.</summary>
    event Action<RoomWire>? Received;
}
