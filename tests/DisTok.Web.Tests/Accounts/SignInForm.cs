using System.Text.RegularExpressions;

namespace DisTok.Web.Tests.Accounts;

/// <summary>Signs in the way a browser does: fetch the sign-in page for its antiforgery token, then post the form.</summary>
public static class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string email, string password, string returnUrl = "/admin", bool withToken = true)
    {
        var page = await http.GetStringAsync("/account/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var form = new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["returnUrl"] = returnUrl };
        if (withToken) form["__RequestVerificationToken"] = token;
        return await http.PostAsync("/account/login", new FormUrlEncodedContent(form));
    }
}
