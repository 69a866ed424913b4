namespace DisTok.Data.Entities;

/// <summary>What a share link points at.</summary>
public enum ShareLinkKind
{
    /// <summary>One saved token.</summary>
    Token,

    /// <summary>A set of saved tokens (a small token library).</summary>
    TokenSet,

    /// <summary>A room as it was when the link was made: weights, template and its newest images.</summary>
    RoomSnapshot,
}
