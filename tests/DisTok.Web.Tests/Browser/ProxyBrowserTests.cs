using DisTok.Data.Accounts;
using DisTok.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>Real Chromium through a TLS-terminating reverse proxy (<see cref="TlsProxy"/>, connecting to the studio from
/// another loopback address): the studio sees the browser's address and HTTPS rather than the proxy's, its cookies are
/// Secure, the live circuit works through the proxy, and a restart of the studio on the same data folder keeps the
/// person signed in.</summary>
[Trait("Category", "Browser")]
public class ProxyBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const float Timeout = 60_000;
    const string Strong = DisTok.Web.Tests.Accounts.SignInForm.StrongPassword;

    [Fact]
    public async Task Behind_a_tls_proxy_the_address_is_the_browsers_cookies_are_secure_and_a_restart_keeps_the_sign_in()
    {
        var root = Directory.CreateTempSubdirectory("distok-proxy-").FullName;
        try
        {
            var first = new RestartableAppFactory(root);
            await using var proxy = await TlsProxy.StartAsync(first.BaseAddress);
            var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, IgnoreHTTPSErrors = true });
            var page = await context.NewPageAsync();
            await using (first)
            {
                using (var scope = first.Services.CreateScope())
                    await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync("proxied@lab.example", Strong, StudioRoles.Admin);
                await page.GotoAsync(new Uri(proxy.BaseAddress, "/admin").ToString());
                await Assertions.Expect(page.Locator("#login-email")).ToBeVisibleAsync(new() { Timeout = Timeout });
                await BrowserSession.SignInAsync(page, "proxied@lab.example", Strong);
                await Assertions.Expect(page.Locator("#status-seen-from")).ToContainTextAsync("127.0.0.1 over https", new() { Timeout = Timeout });
                Assert.DoesNotContain(TlsProxy.ProxyAddress.ToString(), await page.Locator("#status-seen-from").InnerTextAsync());

                // The circuit is live through the proxy's WebSocket: a click on the page is answered by the server.
                await BrowserSession.WaitInteractiveAsync(page);
                await page.Locator("#admin-users-link").ClickAsync();
                await Assertions.Expect(page.Locator("tr[data-email='proxied@lab.example']")).ToBeVisibleAsync(new() { Timeout = Timeout });

                var cookies = await context.CookiesAsync();
                Assert.Contains(cookies, c => c.Name == ".AspNetCore.Identity.Application");
                Assert.All(cookies.Where(c => c.Name is ".AspNetCore.Identity.Application" or "distok-client" || c.Name.StartsWith(".AspNetCore.Antiforgery")),
                    c => Assert.True(c.Secure, $"{c.Name} is not Secure"));
            }

            await using var restarted = new RestartableAppFactory(root);
            proxy.Destination = restarted.BaseAddress;
            await page.GotoAsync(new Uri(proxy.BaseAddress, "/admin").ToString());
            await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("proxied@lab.example", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("#status-seen-from")).ToContainTextAsync("127.0.0.1 over https", new() { Timeout = Timeout });
            await context.CloseAsync();
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
