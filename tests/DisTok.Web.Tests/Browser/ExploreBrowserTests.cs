using DisTok.Web.Generation;
using DisTok.Data.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>Explore in real Chromium: a prior grid renders, a sample is kept, two samples morph into a strip.</summary>
[Trait("Category", "Browser")]
public class ExploreBrowserTests(StudioAppFactory app, BrowserSession session)
    : IClassFixture<StudioAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 60_000;

    [Fact]
    public async Task A_prior_grid_renders_a_sample_is_kept_and_two_samples_morph()
    {
        var page = await session.OpenAsync(app.BaseAddress, "/explore");
        await page.Locator("#explore-count").FillAsync("3");
        await page.Locator("#explore-seed").FillAsync("40");
        await page.Locator("#explore-seed").PressAsync("Tab");
        await page.Locator("#explore-sample").ClickAsync();
        var cards = page.Locator("#explore-grid .explore-card");
        await Assertions.Expect(cards).ToHaveCountAsync(3, new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#explore-grid .explore-card[data-status='Done']")).ToHaveCountAsync(3, new() { Timeout = Timeout });
        Assert.Equal(["40", "41", "42"], await cards.EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.seed)"));
        // The test app has no soft labeler: each card says so instead of a reading.
        await Assertions.Expect(cards.First).ToContainTextAsync("soft labeler not installed");

        await cards.Nth(1).Locator(".explore-keep").ClickAsync();
        await Assertions.Expect(page.Locator("#explore-info")).ToContainTextAsync("Kept \"gaussian #41 (T 1)\"", new() { Timeout = Timeout });
        var kept = await app.Services.GetRequiredService<TokenLibrary>().SearchAsync("gaussian #41", "explore", DisTok.Data.Validation.StudioActor.Administrator);
        Assert.NotNull(Assert.Single(kept).ThumbnailPng);

        await cards.Nth(0).Locator(".explore-morph-a").ClickAsync();
        await cards.Nth(2).Locator(".explore-morph-b").ClickAsync();
        await page.Locator("#explore-morph").ClickAsync();
        await Assertions.Expect(page.Locator("#morph-strip .morph-cell[data-status='Done']")).ToHaveCountAsync(6, new() { Timeout = Timeout });
        await BrowserSession.SaveScreenshotAsync(page, "explore.png");
    }

    [Fact]
    public async Task A_sample_pulled_into_a_room_blends_with_a_concept()
    {
        var page = await session.OpenAsync(app.BaseAddress, "/explore");
        await page.Locator("#explore-count").FillAsync("1");
        await page.Locator("#explore-seed").FillAsync("77");
        await page.Locator("#explore-seed").PressAsync("Tab");
        await page.Locator("#explore-sample").ClickAsync();
        await Assertions.Expect(page.Locator("#explore-grid .explore-card[data-status='Done']")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await page.Locator("#explore-grid .explore-to-room").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/rooms/"), new() { Timeout = Timeout });
        await BrowserSession.WaitInteractiveAsync(page);
        // The room belongs to whoever opened it, as a room made with "New room" does.
        var room = await app.Services.GetRequiredService<DisTok.Data.Stores.RoomStore>().GetAsync(new Uri(page.Url).Segments[^1]);
        Assert.StartsWith("client:", room.Owner);
        var tokenRow = page.Locator(".weight-row[data-key^='token:']");
        await Assertions.Expect(tokenRow.Locator(".weight-name")).ToHaveTextAsync("gaussian #77 (T 1)", new() { Timeout = Timeout });

        // The picker offers the concepts and the library's tokens; pick a concept and render the blend.
        await page.Locator("#concept-picker").FillAsync("fox");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^fox$") }).ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".weight-row[data-key='fox']")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await page.Locator("#generate").ClickAsync();
        await Assertions.Expect(page.Locator("#normalisation-report")).ToContainTextAsync("weights sum to 100, normalised to \"gaussian #77 (T 1)\"=0.5,fox=0.5", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#history .history-entry")).ToHaveCountAsync(1, new() { Timeout = Timeout });
    }

    [Fact]
    public async Task A_template_without_a_placeholder_gets_a_message_and_nothing_renders()
    {
        var page = await session.OpenAsync(app.BaseAddress, "/explore");
        int depth = app.Services.GetRequiredService<GenerationQueue>().Depth;
        await page.Locator("#explore-template").FillAsync("a photo of a cat");
        await page.Locator("#explore-template").PressAsync("Tab");
        await page.Locator("#explore-sample").ClickAsync();
        await Assertions.Expect(page.Locator("#explore-error")).ToContainTextAsync("<*>", new() { Timeout = Timeout });
        Assert.Equal(0, await page.Locator("#explore-grid .explore-card").CountAsync());
        Assert.Equal(depth, app.Services.GetRequiredService<GenerationQueue>().Depth);
    }
}
