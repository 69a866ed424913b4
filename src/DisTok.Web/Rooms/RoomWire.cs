using DisTok.Core.Backbone;
using DisTok.Data.Entities;
using DisTok.Web.Generation;

namespace DisTok.Web.Rooms;

/// <summary>What one studio node tells the others about a room (cluster mode), as JSON over the relay.</summary>
/// <param name="Node">The sending node (<see cref="Cluster.ClusterNode.Id"/>); a node ignores its own messages.</param>
/// <param name="RoomId">The room.</param>
/// <param name="Kind">What it says.</param>
/// <param name="Room">For <see cref="RoomWireKind.Edited"/>: the room at its new revision.</param>
/// <param name="Image">For <see cref="RoomWireKind.ImageAdded"/>: the stored image.</param>
/// <param name="Job">For <see cref="RoomWireKind.Job"/>: the job's state.</param>
/// <param name="Members">For <see cref="RoomWireKind.Presence"/>: everyone in the room on the sending node.</param>
/// <param name="SentUtc">When the relay sent it (the co-edit latency metric of relayed edits).</param>
public sealed record RoomWire(string Node, string RoomId, RoomWireKind Kind, Room? Room = null, RoomImage? Image = null,
    RoomJobWire? Job = null, IReadOnlyList<RoomPresence>? Members = null, DateTimeOffset? SentUtc = null);

/// <summary>What a <see cref="RoomWire"/> says.</summary>
public enum RoomWireKind
{
    /// <summary>The room was edited.</summary>
    Edited,

    /// <summary>An image joined the room's history.</summary>
    ImageAdded,

    /// <summary>A job of the room changed.</summary>
    Job,

    /// <summary>The sending node's members of the room, complete (sent on every change and as a heartbeat).</summary>
    Presence,

    /// <summary>The sender has just got its first member in the room: the others answer with their presence.</summary>
    PresenceAsk,

    /// <summary>The sending node is stopping: forget its members.</summary>
    NodeLeft,
}

/// <summary>A room job's state as another node mirrors it.</summary>
public sealed record RoomJobWire(Guid Id, GenerationStatus Status, int Position, int Step, int TotalSteps, string Owner,
    string DisplayName, string Prompt, byte[]? PreviewPng, int Seed, double ElapsedMs, string? Error, int Width = 0, int Height = 0,
    float Guidance = 0)
{
    internal static RoomJobWire Of(GenerationJob job) => new(job.Id, job.Status, job.QueuePosition, job.Step, job.TotalSteps,
        job.Origin.Owner, job.Origin.DisplayName, job.Request.Prompt, job.PreviewPng, job.Result?.Seed ?? job.Request.Seed,
        job.Result?.Elapsed.TotalMilliseconds ?? 0, job.Error, job.Result?.Width ?? 0, job.Result?.Height ?? 0, job.Result?.Guidance ?? 0);

    /// <summary>A job object standing for the remote one, in the state this message gives.</summary>
    internal GenerationJob NewMirror(string roomId) =>
        new(new GenerationRequest(Prompt, Seed, TotalSteps), TotalSteps, new JobOrigin(Owner, roomId, DisplayName), Id);

    internal void ApplyTo(GenerationJob mirror) => mirror.Mirror(Status, Position, Step, PreviewPng,
        Status == GenerationStatus.Done && PreviewPng is { } png ? new GeneratedImage(png, Width, Height, Seed, TotalSteps, Guidance, TimeSpan.FromMilliseconds(ElapsedMs)) : null,
        Error);
}
