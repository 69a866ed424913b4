using DisTok.Data.Entities;
using DisTok.Data.Storage;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Stores;

/// <summary>Read-only links, under unguessable ids, to saved tokens or to a snapshot of a room; links can be revoked.</summary>
/// <param name="contexts">Makes a short-lived context per call.</param>
/// <param name="clock">The time source for created/revoked stamps.</param>
public sealed class ShareLinks(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    /// <summary>A link to one token (<see cref="ShareLinkKind.Token"/>) or several (<see cref="ShareLinkKind.TokenSet"/>).</summary>
    /// <param name="tokenIds">1..200 saved tokens, in the order the page shows them; repeats are dropped.</param>
    /// <param name="title">1..100 characters.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="StudioValidationException">No ids, too many, or a bad title.</exception>
    /// <exception cref="StudioNotFoundException">An id names no saved token.</exception>
    public async Task<ShareLink> CreateForTokensAsync(IReadOnlyList<Guid> tokenIds, string title, CancellationToken ct = default, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        var t = StudioInput.Name(title, "title");
        var ids = tokenIds.Distinct().ToList();
        if (ids.Count is 0 or > StudioLimits.MaxSharedTokens)
            throw new StudioValidationException("tokens", $"a share link holds 1 to {StudioLimits.MaxSharedTokens} tokens, got {ids.Count}");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WriteTransaction.RunAsync(db, async () =>
        {
            var found = (await db.Tokens.Where(x => ids.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct)).ToHashSet();
            var missing = ids.Where(id => !found.Contains(id)).ToList();
            if (missing.Count > 0)
                throw new StudioNotFoundException($"token {missing[0]} not found{(missing.Count > 1 ? $" (and {missing.Count - 1} more)" : "")}");
            return await AddAsync(db, new ShareLink { Kind = ids.Count == 1 ? ShareLinkKind.Token : ShareLinkKind.TokenSet, Title = t, TokenIds = ids, Owner = owner }, ct);
        }, ct);
    }

    /// <summary>A link to the room as it is now: its weights, template and the ids of its newest 24 images.</summary>
    /// <exception cref="StudioValidationException">A bad title.</exception>
    /// <exception cref="StudioNotFoundException">No such room.</exception>
    public async Task<ShareLink> CreateForRoomSnapshotAsync(string roomId, string title, CancellationToken ct = default, string? owner = null)
    {
        var t = StudioInput.Name(title, "title");
        if (!UnguessableId.IsWellFormed(roomId)) throw new StudioNotFoundException("room not found");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WriteTransaction.RunAsync(db, async () =>
        {
            var room = await db.Rooms.AsNoTracking().Include(r => r.Weights).SingleOrDefaultAsync(r => r.Id == roomId, ct)
                ?? throw new StudioNotFoundException($"room '{roomId}' not found");
            var images = await db.RoomImages.Where(i => i.RoomId == roomId).OrderByDescending(i => i.Id)
                .Take(StudioLimits.MaxSnapshotImages).Select(i => i.Id).ToListAsync(ct);
            var weights = room.Weights.OrderBy(w => w.AddedRevision).ThenBy(w => w.Key, StringComparer.Ordinal)
                .Select(w => new RoomSnapshotWeight(w.Key, w.Weight)).ToList();
            var snapshot = new RoomSnapshot(room.Id, room.Name, room.Revision, room.Template, weights, images, clock.GetUtcNow());
            return await AddAsync(db, new ShareLink { Kind = ShareLinkKind.RoomSnapshot, Title = t, SnapshotJson = snapshot.ToJson(), Owner = owner }, ct);
        }, ct);
    }

    /// <summary>Opens a link: ok with its content, revoked, or unknown (also for junk or overlong ids). Never throws for a bad id.</summary>
    public async Task<ShareLinkResolution> ResolveAsync(string? id, CancellationToken ct = default)
    {
        if (!UnguessableId.IsWellFormed(id)) return ShareLinkResolution.Unknown;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var link = await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (link is null) return ShareLinkResolution.Unknown;
        if (link.RevokedUtc is not null) return new(ShareLinkStatus.Revoked, link, [], null);
        if (link.Kind == ShareLinkKind.RoomSnapshot)
            return new(ShareLinkStatus.Ok, link, [], RoomSnapshot.FromJson(link.SnapshotJson ?? "null"));
        var ids = link.TokenIds;
        var tokens = await db.Tokens.AsNoTracking().Include(x => x.Tags).Where(x => ids.Contains(x.Id)).AsSplitQuery().ToListAsync(ct);
        var order = ids.Select((tokenId, i) => (tokenId, i)).ToDictionary(p => p.tokenId, p => p.i);
        return new(ShareLinkStatus.Ok, link, tokens.OrderBy(x => order[x.Id]).ToList(), null);
    }

    /// <summary>The newest links, revoked ones included (they say when they were revoked).</summary>
    /// <param name="take">How many, 1..200.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="StudioValidationException"><paramref name="take"/> is out of range.</exception>
    /// <param name="actor">Whose links: an administrator sees every link, anyone else the links they made.</param>
    public async Task<IReadOnlyList<ShareLink>> ListAsync(StudioActor actor, int take = 50, CancellationToken ct = default)
    {
        if (take is < 1 or > StudioLimits.MaxSearchTake)
            throw new StudioValidationException("take", $"take must be between 1 and {StudioLimits.MaxSearchTake}, got {take}");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.ShareLinks.AsNoTracking();
        if (!actor.IsAdmin) query = actor.Owner is { } owner ? query.Where(l => l.Owner == owner) : query.Where(l => false);
        return await query.OrderByDescending(l => l.CreatedUtc).ThenBy(l => l.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Revokes a link; opening it afterwards says "revoked". Revoking twice keeps the first time.</summary>
    /// <exception cref="StudioNotFoundException">No such link.</exception>
    /// <exception cref="StudioForbiddenException"><paramref name="actor"/> did not make it and is not an administrator; nothing changes.</exception>
    public async Task RevokeAsync(string id, StudioActor actor, CancellationToken ct = default)
    {
        if (!UnguessableId.IsWellFormed(id)) throw new StudioNotFoundException("share link not found");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var link = await db.ShareLinks.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new StudioNotFoundException($"share link '{id}' not found");
        actor.Demand(link.Owner, "this link");
        link.RevokedUtc ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    async Task<ShareLink> AddAsync(StudioDbContext db, ShareLink link, CancellationToken ct)
    {
        link.Id = UnguessableId.New();
        link.CreatedUtc = clock.GetUtcNow();
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return link;
    }
}
