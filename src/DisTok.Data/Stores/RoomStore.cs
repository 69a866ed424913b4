using DisTok.Data.Entities;
using DisTok.Data.Storage;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Stores;

/// <summary>
/// Rooms and their co-edited distributions. Every edit runs in one immediate SQLite transaction that bumps the room's
/// revision, so concurrent editors get distinct, increasing revisions and the last writer per key wins. Weights are
/// stored un-normalised (0..100). Images go into the room's history, newest 200 kept.
/// </summary>
/// <param name="contexts">Makes a short-lived context per call.</param>
/// <param name="clock">The time source for created/updated stamps.</param>
public sealed class RoomStore(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    /// <summary>Creates a room with an unguessable id at revision 1 and no concepts.</summary>
    /// <exception cref="StudioValidationException">The name or template breaks a limit.</exception>
    public async Task<Room> CreateAsync(string name, string template, string? user = null, CancellationToken ct = default, string? owner = null)
    {
        var now = clock.GetUtcNow();
        var room = new Room
        {
            Id = UnguessableId.New(),
            Name = StudioInput.Name(name, "name"),
            Template = StudioInput.Template(template),
            UpdatedBy = StudioInput.DisplayName(user, "user"),
            CreatedUtc = now,
            UpdatedUtc = now,
            Revision = 1,
            Owner = owner,
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        return room;
    }

    /// <summary>The room with its weights, in the order the concepts joined it.</summary>
    /// <exception cref="StudioNotFoundException">No such room (or a malformed id).</exception>
    public async Task<Room> GetAsync(string roomId, CancellationToken ct = default)
    {
        CheckId(roomId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var room = await db.Rooms.AsNoTracking().Include(r => r.Weights).SingleOrDefaultAsync(r => r.Id == roomId, ct)
            ?? throw NotFound(roomId);
        room.Weights = [.. room.Weights.OrderBy(w => w.AddedRevision).ThenBy(w => w.Key, StringComparer.Ordinal)];
        return room;
    }

    /// <summary>Sets one concept's weight, adding the concept when the room does not have it yet.</summary>
    /// <param name="roomId">The room.</param>
    /// <param name="key">A known concept's name or <c>token:{guid}</c> of a saved token.</param>
    /// <param name="weight">The un-normalised weight, 0..100 inclusive.</param>
    /// <param name="user">Who moved the slider (display name).</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The room's new revision, which this weight now carries.</returns>
    /// <exception cref="StudioValidationException">Unknown concept, missing token, weight out of range, or a 17th concept.</exception>
    /// <exception cref="StudioNotFoundException">No such room.</exception>
    public async Task<long> SetWeightAsync(string roomId, string key, double weight, string? user, CancellationToken ct = default)
    {
        CheckId(roomId);
        var k = ConceptKey.Canonical(key);
        var w = StudioInput.Weight(weight);
        var who = StudioInput.DisplayName(user, "user");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await EditAsync(db, roomId, who, async room =>
        {
            var existing = room.Weights.Find(x => x.Key == k);
            if (existing is null)
            {
                if (room.Weights.Count >= StudioLimits.MaxRoomConcepts)
                    throw new StudioValidationException("key", $"a room holds at most {StudioLimits.MaxRoomConcepts} concepts; remove one before adding '{k}'");
                if (ConceptKey.TokenId(k) is { } tokenId && !await db.Tokens.AnyAsync(t => t.Id == tokenId, ct))
                    throw new StudioValidationException("key", $"unknown concept '{k}' (no saved token has that id)");
                room.Weights.Add(existing = new RoomWeight { RoomId = roomId, Key = k, AddedRevision = room.Revision });
            }
            existing.Weight = w;
            existing.UpdatedBy = who;
            existing.Revision = room.Revision;
        }, ct);
    }

    /// <summary>Removes a concept from the room's distribution.</summary>
    /// <returns>The room's new revision.</returns>
    /// <exception cref="StudioValidationException">The key is not a concept name or token key.</exception>
    /// <exception cref="StudioNotFoundException">No such room, or the room does not hold that concept.</exception>
    public async Task<long> RemoveConceptAsync(string roomId, string key, string? user, CancellationToken ct = default)
    {
        CheckId(roomId);
        var k = ConceptKey.Canonical(key);
        var who = StudioInput.DisplayName(user, "user");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await EditAsync(db, roomId, who, room =>
        {
            var existing = room.Weights.Find(x => x.Key == k) ?? throw new StudioNotFoundException($"room '{roomId}' has no concept '{k}'");
            db.RoomWeights.Remove(existing);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Replaces the room's prompt template.</summary>
    /// <returns>The room's new revision.</returns>
    /// <exception cref="StudioValidationException">The template is too long or lacks exactly one placeholder <c>&lt;*&gt;</c>.</exception>
    /// <exception cref="StudioNotFoundException">No such room.</exception>
    public async Task<long> SetTemplateAsync(string roomId, string template, string? user, CancellationToken ct = default)
    {
        CheckId(roomId);
        var t = StudioInput.Template(template);
        var who = StudioInput.DisplayName(user, "user");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await EditAsync(db, roomId, who, room =>
        {
            room.Template = t;
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Renames the room; only whoever made it, or an administrator, may.</summary>
    /// <returns>The room's new revision.</returns>
    /// <exception cref="StudioValidationException">The name breaks a limit.</exception>
    /// <exception cref="StudioNotFoundException">No such room.</exception>
    /// <exception cref="StudioForbiddenException"><paramref name="actor"/> did not make it and is not an administrator; nothing changes.</exception>
    public async Task<long> RenameAsync(string roomId, string name, string? user, StudioActor actor, CancellationToken ct = default)
    {
        CheckId(roomId);
        var n = StudioInput.Name(name, "name");
        var who = StudioInput.DisplayName(user, "user");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await EditAsync(db, roomId, who, room =>
        {
            actor.Demand(room.Owner, "this room");
            room.Name = n;
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Adds a finished image to the room's history and drops the oldest beyond 200. The caller's object is not changed. An image
    /// whose <see cref="RoomImage.JobId"/> is already stored is not added again: the stored one is returned.</summary>
    /// <returns>The stored image, with its id and the room id set.</returns>
    /// <exception cref="StudioValidationException">A field of the image breaks a limit (PNG, steps, seed, guidance, texts).</exception>
    /// <exception cref="StudioNotFoundException">No such room.</exception>
    public async Task<RoomImage> AddImageAsync(string roomId, RoomImage image, CancellationToken ct = default)
    {
        CheckId(roomId);
        var stored = RoomImageInput.Checked(roomId, image, clock.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WriteTransaction.RunAsync(db, async () =>
        {
            if (!await db.Rooms.AnyAsync(r => r.Id == roomId, ct)) throw NotFound(roomId);
            if (stored.JobId is { } jobId && await db.RoomImages.FirstOrDefaultAsync(i => i.JobId == jobId, ct) is { } kept)
                return kept;                                       // the job was stored before (a redelivered job): keep one
            db.RoomImages.Add(stored);
            await db.SaveChangesAsync(ct);
            var keepFrom = await db.RoomImages.Where(i => i.RoomId == roomId).OrderByDescending(i => i.Id)
                .Skip(StudioLimits.MaxRoomImages - 1).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct);
            if (keepFrom is { } oldestKept)
                await db.RoomImages.Where(i => i.RoomId == roomId && i.Id < oldestKept).ExecuteDeleteAsync(ct);
            return stored;
        }, ct);
    }

    /// <summary>The room's newest images first.</summary>
    /// <param name="roomId">The room.</param>
    /// <param name="take">How many, 1..200.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="StudioValidationException"><paramref name="take"/> is out of range.</exception>
    /// <exception cref="StudioNotFoundException">No such room.</exception>
    public async Task<IReadOnlyList<RoomImage>> HistoryAsync(string roomId, int take = 50, CancellationToken ct = default)
    {
        CheckId(roomId);
        if (take is < 1 or > StudioLimits.MaxRoomImages)
            throw new StudioValidationException("take", $"take must be between 1 and {StudioLimits.MaxRoomImages}, got {take}");
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Rooms.AnyAsync(r => r.Id == roomId, ct)) throw NotFound(roomId);
        return await db.RoomImages.AsNoTracking().Where(i => i.RoomId == roomId).OrderByDescending(i => i.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>One image of a room's history (e.g. to restore its settings, or for a shared snapshot).</summary>
    /// <exception cref="StudioNotFoundException">No such room or image, or the image belongs to another room.</exception>
    public async Task<RoomImage> GetImageAsync(string roomId, long imageId, CancellationToken ct = default)
    {
        CheckId(roomId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.RoomImages.AsNoTracking().SingleOrDefaultAsync(i => i.Id == imageId && i.RoomId == roomId, ct)
            ?? throw new StudioNotFoundException($"image {imageId} not found in room '{roomId}'");
    }

    async Task<long> EditAsync(StudioDbContext db, string roomId, string user, Func<Room, Task> apply, CancellationToken ct) =>
        await WriteTransaction.RunAsync(db, async () =>
        {
            var room = await db.Rooms.Include(r => r.Weights).SingleOrDefaultAsync(r => r.Id == roomId, ct) ?? throw NotFound(roomId);
            room.Revision++;
            room.UpdatedUtc = clock.GetUtcNow();
            room.UpdatedBy = user;
            await apply(room);
            await db.SaveChangesAsync(ct);
            return room.Revision;
        }, ct);

    static void CheckId(string roomId)
    {
        if (!UnguessableId.IsWellFormed(roomId)) throw NotFound(roomId);
    }

    static StudioNotFoundException NotFound(string? roomId) =>
        new($"room '{(roomId is { Length: > UnguessableId.Length } ? roomId[..UnguessableId.Length] + "…" : roomId)}' not found");
}
