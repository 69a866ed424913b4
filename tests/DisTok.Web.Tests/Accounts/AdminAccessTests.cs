using System.Net;
using DisTok.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Accounts;

/// <summary>Sign-in and the admin page on the real app: anonymous and plain users get no admin data, a wrong password
/// counts toward the lockout, and sign-in needs the antiforgery token.</summary>
public class AdminAccessTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    const string Strong = DisTok.Web.Tests.Accounts.SignInForm.StrongPassword;

    (HttpClient Http, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        return (http, cookies);
    }

    async Task CreateAsync(string email, string role)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync(email, Strong, role);
    }

    static Task<HttpResponseMessage> SignInAsync(HttpClient http, string email, string password, string returnUrl = "/admin", bool withToken = true) =>
        SignInForm.PostAsync(http, email, password, returnUrl, withToken);

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/training")]
    [InlineData("/admin/versions")]
    public async Task Every_admin_page_refuses_anonymous_visitors_and_plain_users(string path)
    {
        var (anonymous, _) = Browser();
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);

        var email = $"u{Guid.NewGuid():N}"[..12] + "@lab.example";
        await CreateAsync(email, StudioRoles.User);
        var (user, _) = Browser();
        await SignInAsync(user, email, Strong);
        var refused = await user.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain(email, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_sees_the_accounts_with_their_roles()
    {
        await CreateAsync("lister@lab.example", StudioRoles.Admin);
        var (admin, _) = Browser();
        await SignInAsync(admin, "lister@lab.example", Strong);
        var html = await admin.GetStringAsync("/admin/users");
        Assert.Contains("data-email=\"lister@lab.example\"", html);
        Assert.Contains("Make user", html);
    }

    [Fact]
    public async Task An_admin_signs_in_and_sees_the_status_and_a_user_is_refused()
    {
        await CreateAsync("root@lab.example", StudioRoles.Admin);
        var (admin, _) = Browser();
        var signIn = await SignInAsync(admin, "root@lab.example", Strong);
        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
        var page = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"status-queue\"", html);
        Assert.Contains("CUDA", html);

        await CreateAsync("plain@lab.example", StudioRoles.User);
        var (user, _) = Browser();
        await SignInAsync(user, "plain@lab.example", Strong);
        var refused = await user.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_after_five_tries()
    {
        await CreateAsync("locky@lab.example", StudioRoles.User);
        var (http, _) = Browser();
        for (int i = 0; i < 4; i++)
            Assert.Contains("error=failed", (await SignInAsync(http, "locky@lab.example", "Wrong-Password-123")).Headers.Location!.OriginalString);
        // The fifth failure locks the account; from then on even the right password is refused.
        Assert.Contains("error=locked", (await SignInAsync(http, "locky@lab.example", "Wrong-Password-123")).Headers.Location!.OriginalString);
        var locked = await SignInAsync(http, "locky@lab.example", Strong);
        Assert.Contains("error=locked", locked.Headers.Location!.OriginalString);
        var page = await http.GetStringAsync(locked.Headers.Location!.OriginalString);
        Assert.Contains("locked for 15 minutes", page);
    }

    [Fact]
    public async Task Sign_in_needs_the_antiforgery_token_and_never_redirects_off_site()
    {
        await CreateAsync("safe@lab.example", StudioRoles.User);
        var (http, _) = Browser();
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(http, "safe@lab.example", Strong, withToken: false)).StatusCode);
        var offSite = await SignInAsync(http, "safe@lab.example", Strong, returnUrl: "//evil.example/steal");
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
    }
}
