using System.Text.RegularExpressions;
using DisTok.Core.Tokens;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.ML.Imaging;
using DisTok.Web.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>The front door in real Chromium: examples, recent rooms, public blends, and a room's first-visit hint.</summary>
[Trait("Category", "Browser")]
public class HomeBrowserTests(StudioAppFactory app, BrowserSession session)
    : IClassFixture<StudioAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 60_000;

    static ILocator ValueOf(IPage page, string key) => page.Locator($".weight-row[data-key='{key}'] .weight-value");

    [Fact]
    public async Task An_example_opens_a_room_with_its_distribution_ready_and_the_room_is_then_among_the_recent_ones()
    {
        var page = await session.OpenAsync(app.BaseAddress, "/");
        await page.Locator("#example-pig-sheep-snake").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/rooms/[A-Za-z0-9_-]{22}$"), new() { Timeout = Timeout });
        await Assertions.Expect(ValueOf(page, "pig")).ToContainTextAsync("55", new() { Timeout = Timeout });
        await Assertions.Expect(ValueOf(page, "sheep")).ToContainTextAsync("25");
        await Assertions.Expect(ValueOf(page, "snake")).ToContainTextAsync("20");
        await Assertions.Expect(page.Locator("#room-name")).ToHaveTextAsync("55 % pig, 25 % sheep, 20 % snake");
        await Assertions.Expect(page.Locator("#room-hint")).ToContainTextAsync("Three steps: add concepts, set their weights, then Generate");
        var roomId = new Uri(page.Url).AbsolutePath.Split('/').Last();

        // Back home, the room is listed; a second room does not show the hint again.
        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await BrowserSession.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator($"#recent-rooms li[data-room-id='{roomId}']")).ToContainTextAsync("55 % pig, 25 % sheep, 20 % snake", new() { Timeout = Timeout });
        await page.Locator("#example-cat-ladybug").ClickAsync();
        await Assertions.Expect(ValueOf(page, "ladybug")).ToContainTextAsync("50", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#room-hint")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_public_blend_shows_on_the_home_page_and_opens_in_a_room()
    {
        var library = app.Services.GetRequiredService<TokenLibrary>();
        var model = app.Services.GetRequiredService<OptionalModel<DisTokModel>>().Model!;
        var name = $"home-{Guid.NewGuid():N}"[..14];
        var saved = await library.SaveAsync(model.TokenFromPrior(PriorKind.Gaussian, 3, 1.0), name, null, null, "ann",
            RgbImage.EncodePng(Enumerable.Repeat((byte)200, 8 * 8 * 3).ToArray(), 8, 8), owner: "client:home-test");
        await library.SetPublicAsync(saved.Id, true, new StudioActor("client:home-test", false));

        var page = await session.OpenAsync(app.BaseAddress, "/");
        var blend = page.Locator($"#home-gallery .home-blend[data-token-id='{saved.Id}']");
        await Assertions.Expect(blend).ToContainTextAsync(name, new() { Timeout = Timeout });
        await BrowserSession.SaveScreenshotAsync(page, "home.png");
        await blend.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/rooms/[A-Za-z0-9_-]{22}$"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator($".weight-row[data-key='token:{saved.Id}']")).ToHaveCountAsync(1, new() { Timeout = Timeout });
    }
}
