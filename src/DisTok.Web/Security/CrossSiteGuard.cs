using DisTok.Web.Accounts;
using DisTok.Web.Identity;

namespace DisTok.Web.Security;

/// <summary>
/// Refuses requests another site's page could make with the studio's cookies. Browsers send SameSite=Lax cookies with
/// a form post from a <em>same-site</em> page (a sibling subdomain, another port on the host), so the cookie alone does
/// not prove the request came from the studio:
/// <list type="bullet">
/// <item>an unsafe API request (POST, PUT, PATCH, DELETE under <c>/api</c>) that carries the sign-in or client cookie must
/// send the <see cref="Header"/> header (a form cannot set headers, and another origin's script cannot without a CORS
/// preflight the studio never grants) and must not name a foreign Origin or Referer; requests without those cookies
/// (scripts with an API token, or anonymous ones) are not affected;</item>
/// <item>hub and Blazor circuit connections (<c>/hubs</c>, <c>/_blazor</c>; WebSockets are not covered by CORS) are refused
/// when their Origin is foreign.</item>
/// </list>
/// The studio's own forms (sign-in, sign-out) check the antiforgery token instead.
/// </summary>
public static class CrossSiteGuard
{
    /// <summary>The header a cookie-carrying API client sends to show the request is its own (any non-empty value).</summary>
    public const string Header = "X-DisTok-Request";

    /// <summary>Answers 403 with a problem document for the requests described above; everything else passes.</summary>
    public static IApplicationBuilder UseCrossSiteGuard(this IApplicationBuilder app, IReadOnlyCollection<string> allowedOrigins) =>
        app.Use(async (context, next) =>
        {
            if (Problem(context.Request, allowedOrigins) is not { } problem) { await next(context); return; }
            await Results.Problem(title: "Cross-site request refused", detail: problem, statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(context);
        });

    /// <summary>Why the request is refused, or null when it may pass.</summary>
    public static string? Problem(HttpRequest request, IReadOnlyCollection<string> allowedOrigins)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor"))
            return ForeignOrigin(request, allowedOrigins) is { } site
                ? $"A connection opened by a page of {site} is not accepted; open the studio at its own address."
                : null;
        if (!path.StartsWithSegments("/api") || IsSafe(request.Method) || !CarriesStudioCookies(request)) return null;
        if (ForeignOrigin(request, allowedOrigins) is { } origin)
            return $"A request from a page of {origin} may not use the studio's cookies; nothing was changed.";
        return string.IsNullOrWhiteSpace(request.Headers[Header])
            ? $"A request that carries the studio's cookies must send the header {Header} (any value) to show it is not a " +
              "cross-site form; scripts can instead send no cookies and sign in with an API token. Nothing was changed."
            : null;
    }

    /// <summary>The Origin (or, without one, the Referer's origin) when it is neither this request's own origin nor an
    /// allowed one; "null" origins (sandboxed frames) count as foreign. Null when same-origin or not stated.</summary>
    public static string? ForeignOrigin(HttpRequest request, IReadOnlyCollection<string> allowedOrigins)
    {
        string? origin = request.Headers.Origin;
        if (string.IsNullOrEmpty(origin))
        {
            string? referer = request.Headers.Referer;
            if (string.IsNullOrEmpty(referer)) return null;
            origin = Uri.TryCreate(referer, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "null";
        }
        var own = $"{request.Scheme}://{request.Host}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)) return null;
        return allowedOrigins.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)) ? null : origin;
    }

    static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    static bool CarriesStudioCookies(HttpRequest request) =>
        request.Cookies.ContainsKey(ClientCookies.ClientId) || request.Cookies.ContainsKey(AccountSetup.SignInCookie);
}
