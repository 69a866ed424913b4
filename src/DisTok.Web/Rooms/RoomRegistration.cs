namespace DisTok.Web.Rooms;

/// <summary>Registers the room services: presence and notices, edits, and room generation.</summary>
public static class RoomRegistration
{
    /// <summary>Adds <see cref="RoomHubState"/>, <see cref="RoomEditor"/>, <see cref="RoomGeneration"/> and <see cref="RoomOpener"/> as singletons.</summary>
    public static WebApplicationBuilder AddRooms(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoomHubState>();
        builder.Services.AddSingleton<RoomEditor>();
        builder.Services.AddSingleton<RoomGeneration>();
        builder.Services.AddSingleton<RoomOpener>();
        return builder;
    }
}
