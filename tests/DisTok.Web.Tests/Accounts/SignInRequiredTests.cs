using System.Net;
using System.Net.Http.Json;
using DisTok.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Accounts;

/// <summary>The app with <c>Studio:AllowAnonymous</c> off.</summary>
public sealed class SignInRequiredAppFactory : StudioAppFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Studio:AllowAnonymous", "false")];
}

/// <summary>With anonymous use turned off, nothing but signing in works without an account; with an account, everything does.</summary>
public class SignInRequiredTests(SignInRequiredAppFactory app) : IClassFixture<SignInRequiredAppFactory>
{
    HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    [Theory]
    [InlineData("/")]
    [InlineData("/library")]
    [InlineData("/explore")]
    [InlineData("/s/AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var response = await Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?returnUrl=", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_api_answers_401_and_sign_in_stays_open()
    {
        var http = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/concepts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/generations", new { distribution = "pig=1" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_uses_the_studio()
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync("member@lab.example", "Quiet-River-77-Stone", StudioRoles.User);
        var http = Browser();
        var signIn = await SignInForm.PostAsync(http, "member@lab.example", "Quiet-River-77-Stone", "/library");
        Assert.Equal("/library", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/library")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/concepts")).StatusCode);
    }
}
