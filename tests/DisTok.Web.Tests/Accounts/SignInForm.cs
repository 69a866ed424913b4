using System.Net;
using System.Text.RegularExpressions;
using DisTok.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Accounts;

/// <summary>Signs in the way a browser does: fetch the sign-in page for its antiforgery token, then post the form.</summary>
public static class SignInForm
{
    /// <summary>A password the account rules accept.</summary>
    public const string StrongPassword = "Quiet-River-77-Stone";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string email, string password, string returnUrl = "/admin", bool withToken = true)
    {
        var page = await http.GetStringAsync("/account/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var form = new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["returnUrl"] = returnUrl };
        if (withToken) form["__RequestVerificationToken"] = token;
        return await http.PostAsync("/account/login", new FormUrlEncodedContent(form));
    }

    /// <summary>Makes a new account with <paramref name="role"/> (and <see cref="StrongPassword"/>) and returns a client
    /// signed in as it: cookies kept, redirects not followed, and the script header when <paramref name="script"/> (a
    /// client without it is a browser, which the cross-site checks treat as such).</summary>
    public static async Task<(HttpClient Http, string Email)> NewAccountAsync(StudioAppFactory app, string role, bool script = true,
        CookieContainer? cookies = null)
    {
        var email = $"a{Guid.NewGuid():N}"[..12] + "@lab.example";
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync(email, StrongPassword, role);
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2),
        };
        if (script) http.AsStudioScript();
        await http.GetAsync("/");   // the client cookie, as a browser has it
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(http, email, StrongPassword, "/")).StatusCode);
        return (http, email);
    }
}
