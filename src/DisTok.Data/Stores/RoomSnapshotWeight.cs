namespace DisTok.Data.Stores;

/// <summary>One concept of a room snapshot with its un-normalised weight.</summary>
/// <param name="Key">A known concept's name or <c>token:{guid}</c>.</param>
/// <param name="Weight">The weight as the room held it, 0..100.</param>
public sealed record RoomSnapshotWeight(string Key, double Weight);
