using DisTok.Data.Validation;

namespace DisTok.Data.Entities;

/// <summary>A studio room: one distribution being edited together, its prompt template, and a server-side revision counter.</summary>
public sealed class Room
{
    /// <summary>The owner identity of whoever made the room (<c>account:…</c> or <c>client:…</c>, never shown); null for rows from before
    /// owners were recorded, which only administrators may change.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(80)]
    public string? Owner { get; set; }

    /// <summary>The room's unguessable id (<see cref="UnguessableId"/>), also its address.</summary>
    public string Id { get; set; } = "";

    /// <summary>The room's name (1..100 characters).</summary>
    public string Name { get; set; } = "";

    /// <summary>The prompt template with exactly one placeholder <c>&lt;*&gt;</c>, e.g. <c>a photo of a &lt;*&gt;</c> (at most 300 characters).</summary>
    public string Template { get; set; } = "";

    /// <summary>When the room was created.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When the room was last edited.</summary>
    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>The display name of the last editor.</summary>
    public string UpdatedBy { get; set; } = StudioLimits.AnonymousName;

    /// <summary>Server-ordered edit counter: 1 at creation, one more for every edit. Every edit gets its own revision.</summary>
    public long Revision { get; set; }

    /// <summary>The distribution's concepts and their un-normalised weights, in the order they were added.</summary>
    public List<RoomWeight> Weights { get; set; } = [];
}
