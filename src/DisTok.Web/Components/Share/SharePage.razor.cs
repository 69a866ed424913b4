using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Identity;
using DisTok.Web.Library;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Share;

/// <summary>
/// What a share link shows, read-only: the shared tokens (each importable into the visitor's library) or a room
/// snapshot (openable as a new room). A revoked link says so plainly; an unknown one says it does not exist.
/// </summary>
public partial class SharePage
{
    [Inject] ShareLinks ShareLinks { get; set; } = default!;
    [Inject] RoomStore Rooms { get; set; } = default!;
    [Inject] TokenKeeper Keeper { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    /// <summary>The link's id, from the address.</summary>
    [Parameter] public string LinkId { get; set; } = "";

    ShareLinkResolution? Resolution { get; set; }
    IReadOnlyList<RoomImage> SnapshotImages { get; set; } = [];
    string? Message { get; set; }
    bool MessageIsError { get; set; }

    string Me => User?.DisplayName ?? StudioLimits.AnonymousName;

    protected override async Task OnParametersSetAsync()
    {
        Resolution = await ShareLinks.ResolveAsync(LinkId);
        if (Resolution.Snapshot is { } snapshot) SnapshotImages = await ImagesOf(snapshot);
    }

    async Task<IReadOnlyList<RoomImage>> ImagesOf(RoomSnapshot snapshot)
    {
        var images = new List<RoomImage>();
        foreach (var id in snapshot.ImageIds)
        {
            try { images.Add(await Rooms.GetImageAsync(snapshot.RoomId, id)); }
            catch (StudioNotFoundException) { }   // dropped from the room's history since
        }
        return images;
    }

    Task ImportAllAsync() => ImportAsync(Resolution!.Tokens);

    async Task ImportAsync(IReadOnlyList<SavedToken> tokens)
    {
        if (await StillSharedAsync() is false) return;
        try
        {
            foreach (var token in tokens) await Keeper.ImportAsync(token, Me, User?.Owner);
            (Message, MessageIsError) = ($"Imported {(tokens.Count == 1 ? $"\"{tokens[0].Name}\"" : $"{tokens.Count} tokens")} into your library.", false);
        }
        catch (ArgumentException e) { (Message, MessageIsError) = (e.Message, true); }
    }

    async Task OpenRoomAsync()
    {
        if (await StillSharedAsync() is false || Resolution!.Snapshot is not { } snapshot) return;
        try
        {
            var room = await Rooms.CreateAsync(StudioInput.Clip($"{snapshot.RoomName} (copy)"), snapshot.Template, Me, owner: User?.Owner);
            foreach (var w in snapshot.Weights) await Rooms.SetWeightAsync(room.Id, w.Key, w.Weight, Me);
            Navigation.NavigateTo($"/rooms/{room.Id}");
        }
        catch (Exception e) when (e is StudioValidationException or StudioNotFoundException) { (Message, MessageIsError) = (e.Message, true); }
    }

    /// <summary>Reads the link again: one revoked while the page was open imports nothing.</summary>
    async Task<bool> StillSharedAsync()
    {
        var now = await ShareLinks.ResolveAsync(LinkId);
        if (now.Status == ShareLinkStatus.Ok) return true;
        Resolution = now;
        return false;
    }
}
