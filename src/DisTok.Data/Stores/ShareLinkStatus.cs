namespace DisTok.Data.Stores;

/// <summary>What opening a share link found.</summary>
public enum ShareLinkStatus
{
    /// <summary>The link works; its content is in the resolution.</summary>
    Ok,

    /// <summary>The link existed but was revoked: show "link revoked".</summary>
    Revoked,

    /// <summary>No such link (or the id is not even well-formed).</summary>
    Unknown,
}
