namespace DisTok.Data.Entities;

/// <summary>One concept of a room's distribution with its un-normalised weight (normalised only when generating,
/// so concurrent edits can never break "sums to 1"). Last writer wins per key.</summary>
public sealed class RoomWeight
{
    /// <summary>Prefix of a key naming a library token, as in <c>token:{guid}</c>.</summary>
    public const string TokenPrefix = "token:";

    /// <summary>The room's id.</summary>
    public string RoomId { get; set; } = "";

    /// <summary>A known concept's canonical name (e.g. <c>pig</c>) or <c>token:{guid}</c> of a saved token.</summary>
    public string Key { get; set; } = "";

    /// <summary>The weight, 0..100 inclusive, finite.</summary>
    public double Weight { get; set; }

    /// <summary>The display name of whoever wrote it last.</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>The room revision at which this weight was last written.</summary>
    public long Revision { get; set; }

    /// <summary>The room revision at which the key joined the room (orders the concepts).</summary>
    public long AddedRevision { get; set; }

    /// <summary>The saved token's id when <see cref="Key"/> is <c>token:{guid}</c>; otherwise null.</summary>
    public Guid? TokenId => Validation.ConceptKey.TokenId(Key);
}
