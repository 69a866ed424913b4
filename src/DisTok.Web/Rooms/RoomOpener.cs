using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;

namespace DisTok.Web.Rooms;

/// <summary>Starts a room around a saved token (from the library or Explore), so it can be blended with concepts.</summary>
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
}
