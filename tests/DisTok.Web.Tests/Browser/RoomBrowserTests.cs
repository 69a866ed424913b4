using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>Two people in one room, each in their own browser context (own cookies, own circuit), in real Chromium.</summary>
[Trait("Category", "Browser")]
public class RoomBrowserTests(StudioAppFactory app, BrowserSession session)
    : IClassFixture<StudioAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 60_000;

    Task<IPage> OpenAsync(string path) => session.OpenAsync(app.BaseAddress, path);

    internal static async Task AddConceptAsync(IPage page, string name)
    {
        await page.Locator("#concept-picker").FillAsync(name);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex($"^{name}$") }).ClickAsync(new() { Timeout = Timeout });
        await page.Locator($".weight-row[data-key='{name}']").WaitForAsync(new() { Timeout = Timeout });
    }

    static ILocator Slider(IPage page, string key) => page.Locator($".weight-row[data-key='{key}'] input[type=range]");

    static ILocator ValueOf(IPage page, string key) => page.Locator($".weight-row[data-key='{key}'] .weight-value");

    [Fact]
    public async Task Only_the_rooms_maker_may_rename_it_and_everyone_sees_the_new_name()
    {
        var ann = await OpenAsync("/");
        await ann.Locator("#new-room").ClickAsync();
        await Assertions.Expect(ann).ToHaveURLAsync(new Regex("/rooms/[A-Za-z0-9_-]{22}$"), new() { Timeout = Timeout });
        await BrowserSession.WaitInteractiveAsync(ann);
        var bob = await OpenAsync(new Uri(ann.Url).AbsolutePath);
        await Assertions.Expect(bob.Locator("#room-name")).ToBeVisibleAsync(new() { Timeout = Timeout });
        Assert.Equal(0, await bob.Locator("#room-rename").CountAsync());   // Bob did not make the room

        await ann.Locator("#room-rename").ClickAsync();
        await ann.Locator("#room-rename-field").FillAsync("Night animals");
        await ann.Locator("#room-rename-save").ClickAsync();
        await Assertions.Expect(ann.Locator("#room-name")).ToHaveTextAsync("Night animals", new() { Timeout = Timeout });
        await Assertions.Expect(bob.Locator("#room-name")).ToHaveTextAsync("Night animals", new() { Timeout = Timeout });
    }

    [Fact]
    public async Task Two_people_co_edit_a_room_and_both_watch_the_generation()
    {
        // Ann creates the room from the home page; Bob opens its address.
        var ann = await OpenAsync("/");
        await ann.Locator("#new-room").ClickAsync();
        // Polls the address: the circuit navigates in the document (history API), there is no new page load to wait for.
        await Assertions.Expect(ann).ToHaveURLAsync(new Regex("/rooms/[A-Za-z0-9_-]{22}$"), new() { Timeout = Timeout });
        await BrowserSession.WaitInteractiveAsync(ann);
        var bob = await OpenAsync(new Uri(ann.Url).AbsolutePath);
        await Assertions.Expect(ann.Locator("#presence .member")).ToHaveCountAsync(2, new() { Timeout = Timeout });

        // Ann adds two concepts; Bob sees them.
        await AddConceptAsync(ann, "pig");
        await AddConceptAsync(ann, "sheep");
        await Assertions.Expect(ValueOf(bob, "sheep")).ToContainTextAsync("50", new() { Timeout = Timeout });

        // Ann moves the pig slider by keyboard; Bob's slider follows.
        await Slider(ann, "pig").FocusAsync();
        for (int i = 0; i < 5; i++) await ann.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(ValueOf(ann, "pig")).ToContainTextAsync("55");
        await Assertions.Expect(ValueOf(bob, "pig")).ToContainTextAsync("55", new() { Timeout = Timeout });
        await Assertions.Expect(Slider(bob, "pig")).ToHaveValueAsync("55", new() { Timeout = Timeout });
        await Assertions.Expect(bob.Locator("#normalisation")).ToContainTextAsync("weights sum to 105");

        // While Ann holds the sheep slider (pressed at its middle, i.e. its current 50), Bob sees who is moving it.
        var box = (await Slider(ann, "sheep").BoundingBoxAsync())!;
        await ann.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await ann.Mouse.DownAsync();
        var annName = (await ann.Locator("#presence .member[data-me='true']").InnerTextAsync()).Replace("(you)", "").Trim();
        await Assertions.Expect(bob.Locator(".weight-row[data-key='sheep'] .held-by")).ToContainTextAsync($"{annName} moving", new() { Timeout = Timeout });
        await Assertions.Expect(ann.Locator(".weight-row[data-key='sheep'] .held-by")).ToHaveCountAsync(0);
        await ann.Mouse.UpAsync();
        await Assertions.Expect(bob.Locator(".weight-row[data-key='sheep'] .held-by")).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Assertions.Expect(ValueOf(bob, "sheep")).ToContainTextAsync("50");

        // Bob records every state his job view passes through; Ann generates with seed 7 and many steps.
        await bob.EvaluateAsync(@"() => {
            window.seen = [];
            new MutationObserver(() => { const j = document.querySelector('#job'); if (j) window.seen.push(j.dataset.status); })
                .observe(document.body, { subtree: true, childList: true, attributes: true });
        }");
        await ann.Locator("#seed").FillAsync("7");
        await ann.Locator("#steps").FillAsync("60");
        await ann.Locator("#steps").PressAsync("Tab");
        await ann.Locator("#generate").ClickAsync();
        await Assertions.Expect(ann.Locator("#normalisation-report")).ToContainTextAsync("weights sum to 105, normalised to pig=0.5238,sheep=0.4762");

        foreach (var page in new[] { ann, bob })
        {
            var done = page.Locator("#room-result[data-status='Done']");
            await done.WaitForAsync(new() { Timeout = Timeout });
            Assert.StartsWith("data:image/png;base64,", await done.GetAttributeAsync("src"));
            await Assertions.Expect(page.Locator("#room-progress")).ToContainTextAsync("done: 60 steps, seed 7");
            await Assertions.Expect(page.Locator("#history .history-item")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        }
        var seen = await bob.EvaluateAsync<string[]>("() => window.seen");
        Assert.Contains("Running", seen);

        await BrowserSession.SaveScreenshotAsync(ann, "studio-room.png");

        // Bob restores the image's settings from the history.
        await bob.Locator("#seed").FillAsync("0");
        await bob.Locator("#history .history-item").First.ClickAsync();
        await Assertions.Expect(bob.Locator("#seed")).ToHaveValueAsync("7", new() { Timeout = Timeout });
        await Assertions.Expect(bob.Locator("#steps")).ToHaveValueAsync("60");

        // Ann keeps the image's token in the library.
        await ann.Locator("#history .history-keep").First.ClickAsync();
        await Assertions.Expect(ann.Locator("#room-info")).ToContainTextAsync("Kept \"pig=0.5238,sheep=0.4762\" in the library", new() { Timeout = Timeout });
    }

    [Fact]
    public async Task An_empty_room_explains_why_generate_is_off()
    {
        var page = await OpenAsync("/");
        await page.Locator("#new-room").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/rooms/"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#generate")).ToBeDisabledAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#generate-disabled-reason")).ToContainTextAsync("add a concept to generate");
    }

    [Fact]
    public async Task Keeping_an_image_another_model_version_made_says_why_it_cannot()
    {
        var rooms = app.Services.GetRequiredService<DisTok.Data.Stores.RoomStore>();
        var room = await rooms.CreateAsync("old images", "a photo of a <*>");
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        await rooms.AddImageAsync(room.Id, new DisTok.Data.Entities.RoomImage
        {
            Seed = 1, Steps = 4, Guidance = 3, Template = "a photo of a <*>", DistributionText = "pig=1", ModelVersion = "distok 0.0-retired", Png = png, CreatedBy = "someone",
        });
        var page = await OpenAsync($"/rooms/{room.Id}");
        await page.Locator("#history .history-keep").First.ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("made by distok 0.0-retired", new() { Timeout = Timeout });
    }
}

