using DisTok.Core.Backbone;

namespace DisTok.Queue;

/// <summary>A generation job as it waits on the cluster's queue (JSON in Redis): what to render, who asked, and where it
/// counts for fairness and limits.</summary>
/// <param name="Id">The job's id (the studio node's <c>GenerationJob.Id</c>).</param>
/// <param name="Request">What to render (prompt, seed, steps, guidance, creative token or ready condition).</param>
/// <param name="Owner">The client key whose per-client limit it counts against.</param>
/// <param name="RoomId">The room it renders for, or null.</param>
/// <param name="DisplayName">Whoever queued it, as others see them.</param>
/// <param name="Payer">The address or account whose share it counts against, or null.</param>
/// <param name="Lane">Fairness lane: the room, or the client outside rooms.</param>
/// <param name="Group">Fairness group: the payer ("" for in-process work).</param>
/// <param name="Keep">Set for a room's job: the worker keeps the image in the room's history with these labels.</param>
public sealed record JobTicket(
    Guid Id, GenerationRequest Request, string Owner, string? RoomId, string DisplayName, string? Payer, string Lane, string Group,
    JobKeep? Keep = null);

/// <summary>How a finished room image is labelled in the room's history.</summary>
/// <param name="Template">The room's prompt template.</param>
/// <param name="DistributionText">The blend, e.g. <c>pig=0.55,sheep=0.45</c>.</param>
/// <param name="ModelVersion">The DisTok version that made the token.</param>
public sealed record JobKeep(string Template, string DistributionText, string ModelVersion);
