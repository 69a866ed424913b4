namespace DisTok.Data.Entities;

/// <summary>A read-only link to saved tokens or a room snapshot, under an unguessable id; it can be revoked.</summary>
public sealed class ShareLink
{
    /// <summary>The owner identity of whoever made the link (<c>account:…</c> or <c>client:…</c>, never shown); null for rows from before
    /// owners were recorded, which only administrators may change.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(80)]
    public string? Owner { get; set; }

    /// <summary>The link's unguessable id (22 characters of base64url), also its address.</summary>
    public string Id { get; set; } = "";

    /// <summary>What the link points at.</summary>
    public ShareLinkKind Kind { get; set; }

    /// <summary>The title shown on the shared page (1..100 characters).</summary>
    public string Title { get; set; } = "";

    /// <summary>The shared tokens' ids in order, for <see cref="ShareLinkKind.Token"/> and <see cref="ShareLinkKind.TokenSet"/>; empty otherwise.</summary>
    public List<Guid> TokenIds { get; set; } = [];

    /// <summary>The room snapshot as JSON (<c>RoomSnapshot</c>), for <see cref="ShareLinkKind.RoomSnapshot"/>; null otherwise.</summary>
    public string? SnapshotJson { get; set; }

    /// <summary>When the link was made.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When the link was revoked, or null while it works.</summary>
    public DateTimeOffset? RevokedUtc { get; set; }
}
