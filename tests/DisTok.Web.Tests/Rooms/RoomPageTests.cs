using DisTok.Data.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Rooms;

/// <summary>The room page as first served (prerendered HTML).</summary>
public class RoomPageTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-an-id")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task An_unknown_room_shows_room_not_found(string id)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await client.GetStringAsync($"/rooms/{id}");
        Assert.Contains("id=\"room-not-found\"", html);
        Assert.Contains("Room not found", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task A_room_shows_its_template_and_the_generate_button()
    {
        var room = await app.Services.GetRequiredService<RoomStore>().CreateAsync("page room", "a <*> in flat style");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await client.GetStringAsync($"/rooms/{room.Id}");
        Assert.Contains("id=\"generate\"", html);
        Assert.Contains("a &lt;*&gt; in flat style", html);
        Assert.Contains("add a concept to generate", html);
    }
}
