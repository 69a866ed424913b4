using DisTok.Web.Security;

namespace DisTok.Web.Tests;

/// <summary>A script that keeps the studio's cookies sends the header <see cref="CrossSiteGuard.Header"/> on every request,
/// as the API's documentation asks (the cross-site tests check what happens without it).</summary>
public static class ScriptHeader
{
    public static HttpClient AsStudioScript(this HttpClient http)
    {
        http.DefaultRequestHeaders.Add(CrossSiteGuard.Header, "1");
        return http;
    }
}
