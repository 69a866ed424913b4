using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Identity;
using DisTok.Web.Rooms;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Library;

/// <summary>Token cards and their actions. Each action runs as the signed-in person (the stores check that only a
/// token's maker or an administrator changes it); a refusal is reported through <see cref="OnError"/>, a change
/// through <see cref="OnChanged"/>, a new share link through <see cref="OnShared"/>.</summary>
public partial class TokenGrid
{
    [Inject] TokenLibrary Library { get; set; } = default!;
    [Inject] ShareLinks ShareLinks { get; set; } = default!;
    [Inject] RoomOpener Rooms { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    /// <summary>The grid element's id (tests and page styles find it by this).</summary>
    [Parameter, EditorRequired] public string Id { get; set; } = "";

    [Parameter, EditorRequired] public IReadOnlyList<SavedToken> Tokens { get; set; } = [];

    /// <summary>A line under each card saying which model made it, or null for none.</summary>
    [Parameter] public Func<SavedToken, string>? MadeBy { get; set; }

    /// <summary>The tokens ticked for sharing together, or null when the page offers no selection.</summary>
    [Parameter] public IReadOnlySet<Guid>? Selected { get; set; }

    [Parameter] public EventCallback<(Guid Id, bool On)> OnSelect { get; set; }

    /// <summary>Raised after a token was edited, deleted or made public/private; the page searches again.</summary>
    [Parameter] public EventCallback<Guid> OnChanged { get; set; }

    /// <summary>Raised with the new link's path (/s/{id}) after a token was shared.</summary>
    [Parameter] public EventCallback<string> OnShared { get; set; }

    [Parameter] public EventCallback<string> OnError { get; set; }

    StudioActor Actor => User?.Actor ?? new StudioActor(null, false);

    Task ShareAsync(SavedToken token) => Guard(async () =>
    {
        var link = await ShareLinks.CreateForTokensAsync([token.Id], token.Name, owner: User?.Owner);
        await OnShared.InvokeAsync($"/s/{link.Id}");
    });

    Task OpenRoomAsync(SavedToken token) => Guard(async () =>
    {
        var roomId = await Rooms.OpenWithTokenAsync(token, User?.DisplayName ?? StudioLimits.AnonymousName, User?.Owner);
        Navigation.NavigateTo($"/rooms/{roomId}");
    });

    Task SaveAsync(TokenEdit edit) => Guard(async () =>
    {
        await Library.UpdateAsync(edit.Id, edit.Name, edit.Notes, edit.Tags, Actor);
        await OnChanged.InvokeAsync(edit.Id);
    });

    Task DeleteAsync(Guid id) => Guard(async () =>
    {
        await Library.DeleteAsync(id, Actor);
        await OnChanged.InvokeAsync(id);
    });

    Task SetPublicAsync(Guid id, bool isPublic) => Guard(async () =>
    {
        await Library.SetPublicAsync(id, isPublic, Actor);
        await OnChanged.InvokeAsync(id);
    });

    async Task Guard(Func<Task> action)
    {
        if (await PageActions.RunAsync(action) is { } message) await OnError.InvokeAsync(message);
    }
}
