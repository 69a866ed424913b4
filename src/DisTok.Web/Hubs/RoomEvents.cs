using DisTok.Data.Entities;
using DisTok.Web.Generation;

namespace DisTok.Web.Hubs;

/// <summary>A room's state as the room hub sends it (<c>roomEdited</c>, and the answer to <c>Join</c>).</summary>
/// <param name="RoomId">The room.</param>
/// <param name="Revision">The server's revision; a client keeps the newest it has seen (events may cross).</param>
/// <param name="Template">The prompt template.</param>
/// <param name="Weights">Each concept's un-normalised weight, in the room's order.</param>
public sealed record RoomState(string RoomId, long Revision, string Template, IReadOnlyList<RoomStateWeight> Weights)
{
    internal static RoomState Of(Room room) => new(room.Id, room.Revision, room.Template,
        room.Weights.Select(w => new RoomStateWeight(w.Key, w.Weight, w.UpdatedBy)).ToList());
}

/// <summary>One weight of a <see cref="RoomState"/>.</summary>
/// <param name="Key">The concept (or <c>token:{id}</c>).</param>
/// <param name="Weight">Its un-normalised weight, 0..100.</param>
/// <param name="UpdatedBy">Who set it last.</param>
public sealed record RoomStateWeight(string Key, double Weight, string? UpdatedBy);

/// <summary>A room job as the room hub sends it (<c>roomJob</c>): every member hears every job of the room.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>done</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Step">Finished steps.</param>
/// <param name="Total">Steps in all.</param>
/// <param name="QueuePosition">1-based place while queued.</param>
/// <param name="By">Who queued it.</param>
public sealed record RoomJobEvent(string JobId, string Status, int Step, int Total, int QueuePosition, string By)
{
    internal static RoomJobEvent Of(GenerationJob job) => new(job.Id.ToString(), job.Status.ToString().ToLowerInvariant(), job.Step,
        job.TotalSteps, job.QueuePosition, job.Origin.DisplayName);
}
