using System.Net;
using DisTok.Data.Accounts;
using DisTok.Web.Tests.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Security;

/// <summary>The app started on a folder of our choosing, so a second one on the same folder is a restart.</summary>
public sealed class RestartableAppFactory(string root, string? keysPath = null) : StudioAppFactory(withDisTok: true, root: root)
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
        keysPath is null ? [] : [("Security:KeysPath", keysPath)];
}

/// <summary>Behind a TLS proxy and across restarts, on the real app: cookies marked Secure when the proxy says HTTPS,
/// sign-ins that survive a restart because the keys are kept, a real error page, and bad settings refused at start.</summary>
public class DeploymentTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    const string Strong = DisTok.Web.Tests.Accounts.SignInForm.StrongPassword;

    static HttpClient Client(Uri baseAddress, CookieContainer? cookies = null, bool https = false)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        if (https) http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return http;
    }

    static async Task CreateAccountAsync(IServiceProvider services, string email, string role)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync(email, Strong, role);
    }

    [Fact]
    public async Task Cookies_are_Secure_when_the_proxy_says_https_and_not_otherwise()
    {
        using var plain = Client(app.BaseAddress);
        var cookies = (await plain.GetAsync("/account/login")).Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));

        using var tls = Client(app.BaseAddress, https: true);
        var secure = (await tls.GetAsync("/account/login")).Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(secure, c => c.StartsWith("distok-client=", StringComparison.Ordinal));
        Assert.Contains(secure, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(secure, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // The browser behind the proxy speaks HTTPS and sends Secure cookies back; over this plain test connection the
        // cookie jar would not, so they are sent by hand.
        await CreateAccountAsync(app.Services, "tls@lab.example", StudioRoles.User);
        using var manual = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        manual.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var login = await manual.GetAsync("/account/login");
        manual.DefaultRequestHeaders.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var token = System.Text.RegularExpressions.Regex.Match(await login.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await manual.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "tls@lab.example", ["password"] = Strong, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_restart_on_the_same_keys_keeps_people_signed_in_and_other_keys_do_not()
    {
        var root = Directory.CreateTempSubdirectory("distok-restart-").FullName;
        try
        {
            var cookies = new CookieContainer();
            await using (var first = new RestartableAppFactory(root))
            {
                await CreateAccountAsync(first.Services, "stays@lab.example", StudioRoles.Admin);
                using var http = Client(first.BaseAddress, cookies);
                Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(http, "stays@lab.example", Strong, "/")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/admin")).StatusCode);
            }
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(root, "keys"), "key-*.xml"));

            // Cookies belong to the host, not the port: the restarted app on another port gets the same cookie.
            await using (var restarted = new RestartableAppFactory(root))
            {
                using var http = Client(restarted.BaseAddress, cookies);
                var admin = await http.GetAsync("/admin");
                Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
                Assert.Contains("stays@lab.example", await admin.Content.ReadAsStringAsync());
            }

            await using (var otherKeys = new RestartableAppFactory(root, Path.Combine(root, "other-keys")))
            {
                using var http = Client(otherKeys.BaseAddress, cookies);
                var admin = await http.GetAsync("/admin");
                Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
                Assert.Contains("/account/login", admin.Headers.Location!.ToString());
            }
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public async Task The_error_page_exists_and_says_what_to_do()
    {
        using var http = Client(app.BaseAddress);
        var page = await http.GetAsync("/error");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.Contains("id=\"error-request\"", html);
    }

    [Theory]
    [InlineData("Security:KnownProxies:0", "proxy.example", "is not an IP address")]
    [InlineData("Security:KnownNetworks:0", "10.0.0.0", "CIDR")]
    [InlineData("Security:AllowedOrigins:0", "https://studio.example/path", "is not an origin")]
    [InlineData("RateLimits:Generate:Permits", "0", "RateLimits:Generate:Permits must be between")]
    [InlineData("Studio:MaxJobsPerAddress", "0", "Studio:MaxJobsPerAddress must be between")]
    [InlineData("Studio:Database", "Postgres", "ConnectionStrings:Studio is empty")]
    [InlineData("Studio:Database", "Oracle", "Studio:Database")]
    public void Bad_settings_stop_the_app_at_start_with_the_reason(string key, string value, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => new BadSettingFactory((key, value)).Services);
        var all = string.Join(" | ", Flatten(e).Select(x => x.Message));
        Assert.Contains(message, all);
    }

    internal static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}

/// <summary>A factory with bad settings; starting it must fail.</summary>
public sealed class BadSettingFactory(params (string Key, string Value)[] settings) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("Studio:DatabasePath", Path.Combine(Path.GetTempPath(), $"distok-bad-{Guid.NewGuid():N}.db"));
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
