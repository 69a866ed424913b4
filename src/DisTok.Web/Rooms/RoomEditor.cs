using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Rooms;

/// <summary>
/// Edits a room's distribution and template: each edit is stored first (the store orders edits by revision, last
/// writer wins per weight), then the room at its new revision is pushed to every member. Bad input throws before
/// anything is stored.
/// </summary>
public sealed class RoomEditor(RoomStore store, RoomHubState hub, IOptions<StudioOptions> options, Observability.StudioTelemetry? telemetry = null)
{
    /// <summary>Sets a concept's un-normalised weight (0..100), adding the concept when the room lacks it.</summary>
    /// <exception cref="StudioValidationException">Unknown concept, weight out of range or not a number, or the room is at its concept limit.</exception>
    /// <exception cref="StudioNotFoundException">No such room.</exception>
    public async Task<Room> SetWeightAsync(string roomId, string key, double weight, string user, CancellationToken ct = default)
    {
        using var timing = telemetry?.Edit(roomId);
        var k = ConceptKey.Canonical(key);
        StudioInput.Weight(weight);
        int max = options.Value.MaxRoomConcepts;
        if (max < StudioLimits.MaxRoomConcepts)
        {
            var room = await store.GetAsync(roomId, ct);
            if (room.Weights.Count >= max && !room.Weights.Exists(w => w.Key == k))
                throw new StudioValidationException("key", $"a room holds at most {max} concepts; remove one before adding '{k}'");
        }
        await store.SetWeightAsync(roomId, k, weight, user, ct);
        return await PublishAsync(roomId, ct);
    }

    /// <summary>Removes a concept from the room.</summary>
    /// <exception cref="StudioNotFoundException">No such room, or it does not hold the concept.</exception>
    public async Task<Room> RemoveAsync(string roomId, string key, string user, CancellationToken ct = default)
    {
        using var timing = telemetry?.Edit(roomId);
        await store.RemoveConceptAsync(roomId, key, user, ct);
        return await PublishAsync(roomId, ct);
    }

    /// <summary>Replaces the prompt template (exactly one <c>&lt;*&gt;</c>).</summary>
    /// <exception cref="StudioValidationException">Too long, or not exactly one placeholder.</exception>
    public async Task<Room> SetTemplateAsync(string roomId, string template, string user, CancellationToken ct = default)
    {
        await store.SetTemplateAsync(roomId, template, user, ct);
        return await PublishAsync(roomId, ct);
    }

    /// <summary>Renames the room (its maker or an administrator only).</summary>
    /// <exception cref="StudioForbiddenException">Someone else made the room.</exception>
    public async Task<Room> RenameAsync(string roomId, string name, string user, StudioActor actor, CancellationToken ct = default)
    {
        await store.RenameAsync(roomId, name, user, actor, ct);
        return await PublishAsync(roomId, ct);
    }

    async Task<Room> PublishAsync(string roomId, CancellationToken ct)
    {
        var room = await store.GetAsync(roomId, ct);
        hub.Publish(roomId, new RoomNotice(RoomNoticeKind.Edited, Room: room));
        return room;
    }
}
