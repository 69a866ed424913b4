using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Identity;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Library;

/// <summary>The public gallery: every token its maker made public, newest first, searchable; anyone may open one in a
/// room, share or download it; its maker (or an administrator) may still edit it or make it private again.</summary>
public partial class GalleryPage
{
    [Inject] TokenLibrary Library { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    StudioActor Actor => User?.Actor ?? new StudioActor(null, false);

    string? Text { get; set; }
    IReadOnlyList<SavedToken>? Tokens { get; set; }
    string? ErrorMessage { get; set; }
    string? NewLink { get; set; }

    protected override Task OnInitializedAsync() => SearchAsync();

    async Task SearchAsync() =>
        ErrorMessage = await PageActions.RunAsync(async () =>
            Tokens = await Library.SearchAsync(Text, null, Actor, take: 200, scope: TokenScope.Public));
}
