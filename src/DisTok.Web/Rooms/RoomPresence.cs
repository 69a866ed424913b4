namespace DisTok.Web.Rooms;

/// <summary>One person in a room as the others see them.</summary>
/// <param name="MemberId">This page's membership (one per open page).</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="HoldingKey">The concept whose slider they are moving, or null.</param>
public sealed record RoomPresence(Guid MemberId, string DisplayName, string? HoldingKey);
