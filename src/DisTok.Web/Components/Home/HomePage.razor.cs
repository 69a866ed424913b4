using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Identity;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Home;

/// <summary>The home page: creates a room and opens it.</summary>
public partial class HomePage
{
    /// <summary>The template a new room starts with.</summary>
    public const string DefaultTemplate = "a photo of a <*>";

    [Inject] RoomStore Rooms { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    bool Creating { get; set; }
    string? ErrorMessage { get; set; }

    async Task CreateRoomAsync()
    {
        Creating = true;
        ErrorMessage = null;
        try
        {
            var room = await Rooms.CreateAsync($"{User?.DisplayName ?? "guest"}'s room", DefaultTemplate, User?.DisplayName, owner: User?.Owner);
            Navigation.NavigateTo($"/rooms/{room.Id}");
        }
        catch (StudioValidationException e)
        {
            ErrorMessage = e.Message;
        }
        finally
        {
            Creating = false;
        }
    }
}
