using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Identity;
using DisTok.Web.Rooms;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Library;

/// <summary>The public gallery: every token its maker made public, newest first, searchable; anyone may open one in a
/// room, share or download it; its maker (or an administrator) may still edit it or make it private again.</summary>
public partial class GalleryPage
{
    [Inject] TokenLibrary Library { get; set; } = default!;
    [Inject] ShareLinks ShareLinks { get; set; } = default!;
    [Inject] RoomOpener Rooms { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    StudioActor Actor => User?.Actor ?? new StudioActor(null, false);

    string? Text { get; set; }
    IReadOnlyList<SavedToken>? Tokens { get; set; }
    string? ErrorMessage { get; set; }
    string? NewLink { get; set; }

    protected override Task OnInitializedAsync() => SearchAsync();

    Task SearchAsync() => Guard(async () => Tokens = await Library.SearchAsync(Text, null, Actor, take: 200, scope: TokenScope.Public));

    Task ShareAsync(SavedToken token) => Guard(async () =>
        NewLink = $"/s/{(await ShareLinks.CreateForTokensAsync([token.Id], token.Name, owner: User?.Owner)).Id}");

    Task OpenRoomAsync(SavedToken token) => Guard(async () =>
    {
        var roomId = await Rooms.OpenWithTokenAsync(token, User?.DisplayName ?? StudioLimits.AnonymousName, User?.Owner);
        Navigation.NavigateTo($"/rooms/{roomId}");
    });

    Task SaveAsync(TokenEdit edit) => Guard(async () =>
    {
        await Library.UpdateAsync(edit.Id, edit.Name, edit.Notes, edit.Tags, Actor);
        await SearchAsync();
    });

    Task DeleteAsync(Guid id) => Guard(async () =>
    {
        await Library.DeleteAsync(id, Actor);
        await SearchAsync();
    });

    Task SetPublicAsync(Guid id, bool isPublic) => Guard(async () =>
    {
        await Library.SetPublicAsync(id, isPublic, Actor);
        await SearchAsync();
    });

    async Task Guard(Func<Task> action) => ErrorMessage = await PageActions.RunAsync(action);
}
