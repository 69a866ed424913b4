namespace DisTok.Data.Entities;

/// <summary>One tag of a saved token (a row per tag, so tags are indexed and searchable).</summary>
public sealed class TokenTag
{
    /// <summary>The token's id.</summary>
    public Guid TokenId { get; set; }

    /// <summary>The tag, trimmed and lower-case, 1..32 characters.</summary>
    public string Tag { get; set; } = "";
}
