using DisTok.Data.Stores;
using DisTok.Web.Generation;
using DisTok.Web.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Rooms;

/// <summary>The app still starts without models/distok and says why DisTok features are off.</summary>
public class NoDisTokModelTests(NoDisTokAppFactory app) : IClassFixture<NoDisTokAppFactory>
{
    [Fact]
    public async Task The_room_page_says_the_DisTok_model_is_not_installed()
    {
        var store = app.Services.GetRequiredService<RoomStore>();
        var room = await store.CreateAsync("no model", "a photo of a <*>");
        await store.SetWeightAsync(room.Id, "pig", 10, "me");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await client.GetStringAsync($"/rooms/{room.Id}");
        Assert.Contains("DisTok model not installed", html);
        Assert.Contains("generating is off", html);
    }

    [Fact]
    public async Task Room_generation_is_refused_with_the_reason()
    {
        var store = app.Services.GetRequiredService<RoomStore>();
        var room = await store.CreateAsync("no model", "a photo of a <*>");
        await store.SetWeightAsync(room.Id, "pig", 10, "me");
        room = await store.GetAsync(room.Id);
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            app.Services.GetRequiredService<RoomGeneration>().StartAsync(room, 0, 2, new JobOrigin("x", room.Id)));
        Assert.StartsWith("DisTok model not installed", e.Message);
    }
}
