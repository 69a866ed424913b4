using DisTok.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>The app re-checking open pages' sign-ins every second.</summary>
public sealed class QuickRevalidationAppFactory : StudioAppFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Studio:AuthRevalidationSeconds", "1")];
}

/// <summary>An administrator demoted while their admin page is open loses it without reloading, in real Chromium.</summary>
[Trait("Category", "Browser")]
public class RevalidationBrowserTests(QuickRevalidationAppFactory app, BrowserSession session)
    : IClassFixture<QuickRevalidationAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 60_000;
    const string Strong = DisTok.Web.Tests.Accounts.SignInForm.StrongPassword;

    [Fact]
    public async Task A_demoted_administrator_loses_the_open_admin_page()
    {
        using (var scope = app.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
            await admin.CreateAsync("stays@lab.example", Strong, StudioRoles.Admin);
            await admin.CreateAsync("demoted@lab.example", Strong, StudioRoles.Admin);
        }
        var page = await session.OpenAsync(app.BaseAddress, "/admin");
        await BrowserSession.SignInAsync(page, "demoted@lab.example", Strong);
        await Assertions.Expect(page.Locator("#status-queue")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserSession.WaitInteractiveAsync(page);

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AccountDirectory>().SetRoleAsync("demoted@lab.example", StudioRoles.User);

        // No reload: the open circuit notices within its revalidation interval.
        await Assertions.Expect(page.Locator("#status-queue")).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveCountAsync(0, new() { Timeout = Timeout });
    }
}
