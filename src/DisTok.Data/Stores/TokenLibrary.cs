using DisTok.Core.Tokens;
using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Stores;

/// <summary>The library of saved creative tokens: save, find, edit, delete. Every input is checked before anything is written.</summary>
/// <param name="contexts">Makes a short-lived context per call.</param>
/// <param name="clock">The time source for the saved-at stamp.</param>
public sealed class TokenLibrary(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    /// <summary>Saves a token with what people wrote about it.</summary>
    /// <param name="token">The token; its vector must be finite and match its model stamp's dimension.</param>
    /// <param name="name">1..100 characters, one line.</param>
    /// <param name="notes">At most 4000 characters, or null.</param>
    /// <param name="tags">At most 16 tags of at most 32 characters; stored trimmed, lower-case and distinct.</param>
    /// <param name="author">A display name of at most 60 characters; blank means <c>anonymous</c>.</param>
    /// <param name="thumbnail">A PNG of at most 256 KB, or null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <param name="owner">The saver's owner identity (see <see cref="StudioActor"/>); only it or an administrator may edit or delete the token.</param>
    /// <exception cref="StudioValidationException">The token or a field breaks a limit; nothing is stored.</exception>
    public async Task<SavedToken> SaveAsync(CreativeToken token, string name, string? notes, IEnumerable<string>? tags, string? author,
        byte[]? thumbnail, CancellationToken ct = default, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        var saved = SavedToken.FromCreativeToken(token, name, notes, tags, author, thumbnail, clock.GetUtcNow());
        saved.Owner = owner;
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Tokens.Add(saved);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    /// <summary>One saved token with its tags.</summary>
    /// <exception cref="StudioNotFoundException">No token has that id.</exception>
    public async Task<SavedToken> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tokens.AsNoTracking().Include(t => t.Tags).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
    }

    /// <summary>Saved tokens, newest saved first.</summary>
    /// <param name="text">Matches name, notes and the source's description (e.g. <c>pig=0.55</c>) as a case-insensitive substring; blank matches all.</param>
    /// <param name="tag">Only tokens with this tag (normalised like saved tags); blank means any.</param>
    /// <param name="skip">How many matches to skip, ≥ 0.</param>
    /// <param name="take">How many to return, 1..200.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="StudioValidationException">A paging value is out of range, or the text or tag is too long.</exception>
    /// <param name="viewer">Who is looking: they see their own tokens (an administrator sees all), or with
    /// <paramref name="scope"/> <see cref="TokenScope.Public"/> the public ones of everybody, or with
    /// <see cref="TokenScope.Usable"/> both (what a picker offers).</param>
    public async Task<IReadOnlyList<SavedToken>> SearchAsync(string? text, string? tag, StudioActor viewer, int skip = 0, int take = 50,
        TokenScope scope = TokenScope.Mine, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (skip < 0) throw new StudioValidationException("skip", $"skip must be 0 or more, got {skip}");
        if (take is < 1 or > StudioLimits.MaxSearchTake)
            throw new StudioValidationException("take", $"take must be between 1 and {StudioLimits.MaxSearchTake}, got {take}");
        var needle = text?.Trim().ToLowerInvariant();
        if (needle is { Length: > StudioLimits.MaxNameLength })
            throw new StudioValidationException("text", $"search text is {needle.Length} characters long; at most {StudioLimits.MaxNameLength}");
        var wanted = string.IsNullOrWhiteSpace(tag) ? null : TagList.Normalize(tag);

        await using var db = await contexts.CreateDbContextAsync(ct);
        IQueryable<SavedToken> query = db.Tokens.AsNoTracking().Include(t => t.Tags);
        var owner = viewer.IsAdmin ? null : viewer.Owner ?? "";   // "": owns nothing
        query = scope switch
        {
            TokenScope.Public => query.Where(t => t.IsPublic),
            TokenScope.Usable when owner is not null => query.Where(t => t.IsPublic || t.Owner == owner),
            TokenScope.Mine when owner is not null => query.Where(t => t.Owner == owner),
            _ => query,   // an administrator's own view: everything
        };
        if (!string.IsNullOrEmpty(needle)) query = query.Where(t => t.SearchText.Contains(needle));
        if (wanted is not null) query = query.Where(t => t.Tags.Any(x => x.Tag == wanted));
        return await query.OrderByDescending(t => t.SavedUtc).ThenBy(t => t.Id).Skip(skip).Take(take).AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>A token as <paramref name="viewer"/> may see it: their own, any if they are an administrator, or a public one.</summary>
    /// <exception cref="StudioNotFoundException">No such token, or it is someone else's private token (the same answer, so
    /// private ids cannot be probed).</exception>
    public async Task<SavedToken> GetVisibleAsync(Guid id, StudioActor viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var token = await GetAsync(id, ct);
        return token.IsPublic || viewer.MayChange(token.Owner) ? token : throw NotFound(id);
    }

    /// <summary>Shows a token in the public gallery, or takes it out.</summary>
    /// <exception cref="StudioNotFoundException">No token has that id.</exception>
    /// <exception cref="StudioForbiddenException"><paramref name="actor"/> did not save it and is not an administrator; nothing is changed.</exception>
    public async Task<SavedToken> SetPublicAsync(Guid id, bool isPublic, StudioActor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var saved = await db.Tokens.Include(t => t.Tags).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
        actor.Demand(saved.Owner, "this token");
        saved.IsPublic = isPublic;
        await db.SaveChangesAsync(ct);
        return saved;
    }

    /// <summary>Replaces a token's name, notes and tags.</summary>
    /// <returns>The token as stored now.</returns>
    /// <exception cref="StudioValidationException">A field breaks a limit; nothing is changed.</exception>
    /// <exception cref="StudioNotFoundException">No token has that id.</exception>
    /// <exception cref="StudioForbiddenException"><paramref name="actor"/> did not save it and is not an administrator; nothing is changed.</exception>
    public async Task<SavedToken> UpdateAsync(Guid id, string name, string? notes, IEnumerable<string>? tags, StudioActor actor, CancellationToken ct = default)
    {
        var tagList = TagList.Normalize(tags);
        StudioInput.Name(name, "name");
        StudioInput.Notes(notes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var saved = await db.Tokens.Include(t => t.Tags).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
        actor.Demand(saved.Owner, "this token");
        saved.Edit(name, notes, tagList);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    /// <summary>Deletes a token and its tags. Share links that listed it show the remaining tokens; rooms keep their
    /// <c>token:{id}</c> weight until someone removes it (the generator reports the token as missing).</summary>
    /// <exception cref="StudioNotFoundException">No token has that id.</exception>
    /// <exception cref="StudioForbiddenException"><paramref name="actor"/> did not save it and is not an administrator; nothing is deleted.</exception>
    public async Task DeleteAsync(Guid id, StudioActor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var owner = await db.Tokens.Where(t => t.Id == id).Select(t => new { t.Owner }).SingleOrDefaultAsync(ct) ?? throw NotFound(id);
        actor.Demand(owner.Owner, "this token");
        if (await db.Tokens.Where(t => t.Id == id && t.Owner == owner.Owner).ExecuteDeleteAsync(ct) == 0) throw NotFound(id);
    }

    static StudioNotFoundException NotFound(Guid id) => new($"token {id} not found");
}

/// <summary>Which saved tokens a search covers.</summary>
public enum TokenScope
{
    /// <summary>The viewer's own (an administrator's: all).</summary>
    Mine,

    /// <summary>Everybody's public tokens (the gallery).</summary>
    Public,

    /// <summary>The viewer's own and the public ones: what the viewer may put in a room or a study.</summary>
    Usable,
}
