using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;

namespace DisTok.Web.Rooms;

/// <summary>Starts a room around a saved token (from the library or Explore) or a ready distribution (the home page's examples).</summary>
public sealed class RoomOpener(RoomStore store)
{
    /// <summary>The template a room opened this way starts with.</summary>
    public const string Template = "a photo of a <*>";

    /// <summary>Creates a room holding <paramref name="token"/> at weight 50; returns the room's id.</summary>
    public async Task<string> OpenWithTokenAsync(SavedToken token, string user, string? owner = null, CancellationToken ct = default)
    {
        var room = await store.CreateAsync(StudioInput.Clip($"{user}'s room: {token.Name}"), Template, user, ct, owner);
        await store.SetWeightAsync(room.Id, ConceptKey.ForToken(token.Id), 50, user, ct);
        return room.Id;
    }

    /// <summary>Creates a room named <paramref name="name"/> holding <paramref name="weights"/> (concepts, 0..100 each); returns its id.</summary>
    public async Task<string> OpenWithWeightsAsync(string name, IReadOnlyList<(string Concept, double Weight)> weights, string user, string? owner = null,
        CancellationToken ct = default)
    {
        var room = await store.CreateAsync(StudioInput.Clip(name), Template, user, ct, owner);
        foreach (var (concept, weight) in weights) await store.SetWeightAsync(room.Id, concept, weight, user, ct);
        return room.Id;
    }
}
