using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>A person on the Generate page, in real Chromium against the real app.</summary>
[Trait("Category", "Browser")]
public class GeneratePageBrowserTests(StudioAppFactory app, BrowserSession session)
    : IClassFixture<StudioAppFactory>, IClassFixture<BrowserSession>
{
    async Task<IPage> OpenAsync()
    {
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/generate").ToString());
        // A click before the circuit is interactive is lost: wait for the marker.
        await page.Locator("#ready[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return page;
    }

    [Fact]
    public async Task Generating_streams_steps_and_ends_with_the_image()
    {
        var page = await OpenAsync();
        await page.Locator("#prompt").FillAsync("a photo of a fox");
        await page.Locator("#generate").ClickAsync();
        var image = page.Locator("#result[data-status='Done']");
        await image.WaitForAsync(new() { Timeout = 60_000 });
        Assert.StartsWith("data:image/png;base64,", await image.GetAttributeAsync("src"));
        Assert.Contains("done: 4 steps", await page.Locator("#progress").InnerTextAsync());
    }

    [Fact]
    public async Task An_empty_prompt_gets_a_message_and_no_image()
    {
        var page = await OpenAsync();
        await page.Locator("#prompt").FillAsync("");
        await page.Locator("#generate").ClickAsync();
        var error = page.Locator("#error");
        await error.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("the prompt is empty", await error.InnerTextAsync());
        Assert.Equal(0, await page.Locator("#result").CountAsync());
    }
}
