using DisTok.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>An administrator signs in through the form in real Chromium, sees the status and changes a role.</summary>
[Trait("Category", "Browser")]
public class AdminBrowserTests(StudioAppFactory app, BrowserSession session)
    : IClassFixture<StudioAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 60_000;
    const string Strong = DisTok.Web.Tests.Accounts.SignInForm.StrongPassword;

    [Fact]
    public async Task An_admin_signs_in_sees_the_status_and_makes_a_user_an_admin()
    {
        using (var scope = app.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
            await admin.CreateAsync("chief@lab.example", Strong, StudioRoles.Admin);
            await admin.CreateAsync("helper@lab.example", Strong, StudioRoles.User);
        }
        var page = await session.OpenAsync(app.BaseAddress, "/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = Timeout });
        await BrowserSession.SignInAsync(page, "chief@lab.example", Strong);
        await Assertions.Expect(page.Locator("#status-queue")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("chief@lab.example");
        await BrowserSession.WaitInteractiveAsync(page);
        await page.Locator("#admin-users-link").ClickAsync();
        var helper = page.Locator("tr[data-email='helper@lab.example']");
        await Assertions.Expect(helper.Locator(".account-role")).ToHaveTextAsync("user", new() { Timeout = Timeout });
        await helper.Locator(".make-admin").ClickAsync();
        await Assertions.Expect(helper.Locator(".account-role")).ToHaveTextAsync("admin", new() { Timeout = Timeout });
    }
}
