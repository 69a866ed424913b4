namespace DisTok.Cli.Commands.Load;

/// <summary>The room hub's <c>roomEdited</c> event as the load tool reads it (the fields it needs).</summary>
public sealed record RoomStateWire(string RoomId, long Revision);

/// <summary>The room hub's <c>roomJob</c> event as the load tool reads it.</summary>
public sealed record RoomJobWire(string JobId, string Status, int Step, int Total);
