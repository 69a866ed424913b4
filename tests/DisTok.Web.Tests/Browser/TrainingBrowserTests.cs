using DisTok.Data.Accounts;
using DisTok.Data.Stores;
using DisTok.Web.Tests.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>
/// An administrator in real Chromium trains a short real run from the Training page (progress and sample images appear),
/// promotes the new version, samples with it on Explore, and rolls back to the embedded model.
/// </summary>
[Trait("Category", "Browser")]
public class TrainingBrowserTests(TrainingAppFactory app, BrowserSession session)
    : IClassFixture<TrainingAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 180_000;
    const string Strong = DisTok.Web.Tests.Accounts.SignInForm.StrongPassword;

    [Fact]
    public async Task An_admin_trains_promotes_generates_with_the_new_version_and_rolls_back()
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync("coach@lab.example", Strong, StudioRoles.Admin);
        var page = await session.OpenAsync(app.BaseAddress, "/account/login?returnUrl=%2Fadmin%2Ftraining");
        await BrowserSession.SignInAsync(page, "coach@lab.example", Strong);
        await Assertions.Expect(page.Locator("#train-start")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserSession.WaitInteractiveAsync(page);

        await page.Locator("#train-steps").FillAsync("8");
        await page.Locator("#train-estimation").FillAsync("4");
        await page.Locator("#train-sample-every").FillAsync("4");
        await page.Locator("#train-sample-every").PressAsync("Tab");
        await page.Locator("#train-start").ClickAsync();
        await Assertions.Expect(page.Locator("#train-live")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#train-samples .sample-set").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#train-status")).ToHaveTextAsync("completed", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#train-step")).ToHaveTextAsync("8");
        await Assertions.Expect(page.Locator(".loss-chart[data-loss='mix'] polyline")).ToHaveCountAsync(1);
        await BrowserSession.SaveScreenshotAsync(page, "admin-training.png");

        await page.Locator("#train-version").ClickAsync();
        var row = page.Locator("#versions tr[data-version='v1']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserSession.WaitInteractiveAsync(page);
        await row.Locator(".promote").ClickAsync();
        await Assertions.Expect(page.Locator("#served-version")).ToHaveTextAsync("v1", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#compare-table")).ToBeVisibleAsync();
        await BrowserSession.SaveScreenshotAsync(page, "admin-versions.png");
        var v1 = await app.Services.GetRequiredService<ModelVersions>().GetAsync(1);

        await page.GotoAsync(new Uri(app.BaseAddress, "/explore").ToString());
        await BrowserSession.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#explore-model")).ToHaveTextAsync("v1");
        await page.Locator("#explore-count").FillAsync("1");
        await page.Locator("#explore-count").PressAsync("Tab");
        await page.Locator("#explore-sample").ClickAsync();
        var card = page.Locator("#explore-grid .explore-card[data-status='Done']");
        await Assertions.Expect(card).ToHaveCountAsync(1, new() { Timeout = Timeout });
        Assert.Equal(v1.Sha256, await card.GetAttributeAsync("data-model"));

        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/versions").ToString());
        await BrowserSession.WaitInteractiveAsync(page);
        await page.Locator("#versions tr[data-version='embedded'] .promote").ClickAsync();
        await Assertions.Expect(page.Locator("#served-version")).ToHaveTextAsync("embedded", new() { Timeout = Timeout });
        await page.GotoAsync(new Uri(app.BaseAddress, "/explore").ToString());
        await Assertions.Expect(page.Locator("#explore-model")).ToHaveTextAsync("embedded", new() { Timeout = Timeout });
    }
}
