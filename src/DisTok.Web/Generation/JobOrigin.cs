namespace DisTok.Web.Generation;

/// <summary>Who queued a job, for which room, and whose share it counts against.</summary>
/// <param name="Owner">The client key (browser client id or hub client) that may cancel it and whose per-client limit it counts against.</param>
/// <param name="RoomId">The room it renders for, or null for a job of one client.</param>
/// <param name="DisplayName">The name shown to others as the job's author.</param>
/// <param name="Payer">The address or account whose share it counts against (see <see cref="Identity.Payer"/>); null for
/// in-process work, which counts against <paramref name="Owner"/>'s limit alone and shares one fairness group.</param>
public sealed record JobOrigin(string Owner, string? RoomId = null, string DisplayName = "anonymous", string? Payer = null)
{
    /// <summary>A job from nobody in particular (scripts and tests without a client key).</summary>
    public static JobOrigin Anonymous { get; } = new("anonymous");

    /// <summary>The queue's fairness lane: the room when there is one, else the owner.</summary>
    public string Lane => RoomId is null ? "client:" + Owner : "room:" + RoomId;

    /// <summary>The queue's fairness group and the key of the per-address/per-account limit.</summary>
    public string Group => Payer ?? "";
}
