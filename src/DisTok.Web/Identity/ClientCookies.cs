using System.Security.Cryptography;
using System.Text;
using DisTok.Data.Validation;

namespace DisTok.Web.Identity;

/// <summary>The two cookies that identify a browser: its client id (HttpOnly, set by the server) and its display name
/// (set by the page's script when the person renames themselves).</summary>
public static class ClientCookies
{
    /// <summary>The cookie holding the client id.</summary>
    public const string ClientId = "distok-client";

    /// <summary>The cookie holding the display name.</summary>
    public const string DisplayName = "distok-name";

    const string ItemKey = "distok-client-id";

    /// <summary>Gives every page request a client id: the cookie's when well-formed, else a new one that is also set as a
    /// cookie. REST API requests (<c>/api</c>) get no new cookie, so a script's identity does not change between its first
    /// and second request; the API uses the cookie only when a browser already has one.</summary>
    public static IApplicationBuilder UseClientCookies(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api")) ClientIdOf(context);
        return next(context);
    });

    /// <summary>The request's client id (see <see cref="UseClientCookies"/>).</summary>
    public static string ClientIdOf(HttpContext context)
    {
        if (context.Items[ItemKey] is string known) return known;
        var id = context.Request.Cookies[ClientId];
        if (!UnguessableId.IsWellFormed(id))
        {
            id = UnguessableId.New();
            if (!context.Response.HasStarted)
                context.Response.Cookies.Append(ClientId, id, new CookieOptions
                {
                    HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Path = "/",
                });
        }
        context.Items[ItemKey] = id;
        return id!;
    }

    /// <summary>
    /// The queue owner for a machine client (the REST API, a hub connection): <c>{prefix}:{client id}</c> when the request
    /// carries a well-formed client cookie, else <c>{prefix}:{fallback}</c> (its address, or its connection id). Unlike
    /// <see cref="ClientIdOf"/> it never hands out a new cookie.
    /// </summary>
    public static string MachineOwnerOf(HttpContext? context, string prefix, string fallback) =>
        prefix + ":" + (context?.Request.Cookies[ClientId] is { } cookie && UnguessableId.IsWellFormed(cookie) ? cookie : fallback);

    /// <summary>The person at this request: the display name cookie when it is a valid name, else a guest name.</summary>
    public static StudioUser UserOf(HttpContext context)
    {
        var id = ClientIdOf(context);
        return new StudioUser(id, ValidName(context.Request.Cookies[DisplayName]) ?? GuestName(id));
    }

    /// <summary>"guest-" and four hex digits derived from the client id, so the same browser keeps its guest name.</summary>
    public static string GuestName(string clientId) =>
        "guest-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId)))[..4];

    static string? ValidName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try { return StudioInput.DisplayName(name, "display name"); }
        catch (StudioValidationException) { return null; }
    }
}
