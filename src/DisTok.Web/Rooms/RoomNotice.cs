using DisTok.Data.Entities;
using DisTok.Web.Generation;

namespace DisTok.Web.Rooms;

/// <summary>One change pushed to every member of a room.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Room">For <see cref="RoomNoticeKind.Edited"/>: the room with its weights at the new revision.</param>
/// <param name="Job">For <see cref="RoomNoticeKind.Job"/>: the job.</param>
/// <param name="Image">For <see cref="RoomNoticeKind.ImageAdded"/>: the stored image.</param>
public sealed record RoomNotice(RoomNoticeKind Kind, Room? Room = null, GenerationJob? Job = null, RoomImage? Image = null);
