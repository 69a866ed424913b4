using DisTok.Data.Entities;

namespace DisTok.Data.Stores;

/// <summary>What a share link id leads to.</summary>
/// <param name="Status">Ok, revoked or unknown.</param>
/// <param name="Link">The link, unless it is unknown (a revoked link is returned so its title can be shown).</param>
/// <param name="Tokens">For a working token link: the shared tokens that still exist, in the link's order; otherwise empty.</param>
/// <param name="Snapshot">For a working room snapshot link: the snapshot; otherwise null.</param>
public sealed record ShareLinkResolution(ShareLinkStatus Status, ShareLink? Link, IReadOnlyList<SavedToken> Tokens, RoomSnapshot? Snapshot)
{
    /// <summary>The answer for an id no link has.</summary>
    public static ShareLinkResolution Unknown { get; } = new(ShareLinkStatus.Unknown, null, [], null);
}
