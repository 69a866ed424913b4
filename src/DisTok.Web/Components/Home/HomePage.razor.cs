using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Identity;
using DisTok.Web.Rooms;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DisTok.Web.Components.Home;

/// <summary>
/// The front door: a new room, one-click examples that open a room with a ready distribution, the rooms this browser was
/// in lately (kept in the browser's local storage, checked against the store), and the newest public blends.
/// </summary>
public partial class HomePage
{
    /// <summary>The template a new room starts with.</summary>
    public const string DefaultTemplate = "a photo of a <*>";

    /// <summary>Public blends shown.</summary>
    public const int GalleryShown = 8;

    [Inject] RoomStore Rooms { get; set; } = default!;
    [Inject] RoomOpener Opener { get; set; } = default!;
    [Inject] TokenLibrary Library { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] IJSRuntime JS { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    bool Creating { get; set; }
    string? ErrorMessage { get; set; }
    IReadOnlyList<SavedToken>? Gallery { get; set; }
    List<Room> Recent { get; } = [];
    string Me => User?.DisplayName ?? StudioLimits.AnonymousName;

    protected override async Task OnInitializedAsync() =>
        Gallery = await Library.SearchAsync(null, null, User?.Actor ?? new StudioActor(null, false), take: GalleryShown, scope: TokenScope.Public);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        string[] ids;
        try { ids = await JS.InvokeAsync<string[]>("distokStudio.recentRooms"); }
        catch (JSException) { return; }   // storage blocked: no list
        foreach (var id in ids.Where(UnguessableId.IsWellFormed).Distinct().Take(8))
        {
            try { Recent.Add(await Rooms.GetAsync(id)); }
            catch (StudioNotFoundException) { }   // a room that is gone is left out
        }
        if (Recent.Count > 0) StateHasChanged();
    }

    Task CreateRoomAsync() => OpenAsync(async () =>
        (await Rooms.CreateAsync($"{User?.DisplayName ?? "guest"}'s room", DefaultTemplate, User?.DisplayName, owner: User?.Owner)).Id);

    Task OpenExampleAsync(HomeExample example) => OpenAsync(() => Opener.OpenWithWeightsAsync(example.Title, example.Weights, Me, User?.Owner));

    Task OpenTokenAsync(SavedToken token) => OpenAsync(() => Opener.OpenWithTokenAsync(token, Me, User?.Owner));

    async Task OpenAsync(Func<Task<string>> create)
    {
        Creating = true;
        ErrorMessage = null;
        try { Navigation.NavigateTo($"/rooms/{await create()}"); }
        catch (StudioValidationException e) { ErrorMessage = e.Message; }
        finally { Creating = false; }
    }
}
