using System.Security.Claims;
using DisTok.Data.Accounts;
using DisTok.Data.Validation;

namespace DisTok.Web.Identity;

/// <summary>
/// Owner identities: a signed-in account owns what it makes as <c>account:{id}</c> (on any browser); without an account
/// the browser's client cookie does, as <c>client:{id}</c>. Administrators may change anything.
/// </summary>
public static class Owners
{
    /// <summary>The owner identity and admin flag of <paramref name="user"/> at the browser <paramref name="clientId"/>.</summary>
    public static StudioActor ActorOf(ClaimsPrincipal? user, string clientId) =>
        new(AccountOf(user) ?? $"client:{clientId}", user?.IsInRole(StudioRoles.Admin) == true);

    /// <summary><c>account:{id}</c> for a signed-in user, else null.</summary>
    public static string? AccountOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "account:" + id : null;

    /// <summary>How an administrator's action is recorded ("promoted by", "started by"): the account's name.</summary>
    public static string AdminNameOf(ClaimsPrincipal? user) => user?.Identity?.Name ?? "admin";

    /// <summary>The caller of an HTTP request (its cookie's client id, given one if it has none).</summary>
    public static StudioActor ActorOf(HttpContext http) => ActorOf(http.User, ClientCookies.ClientIdOf(http));

    /// <summary>The caller of an API request: its account when signed in, else the browser client cookie it already carries,
    /// else nobody (owner null: what it makes can be changed by administrators only). An API call is never given a
    /// cookie, so a script's identity does not change between calls by accident.</summary>
    public static StudioActor ApiActorOf(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true) return ActorOf(http.User, "");
        var cookie = http.Request.Cookies[ClientCookies.ClientId];
        return UnguessableId.IsWellFormed(cookie) ? ActorOf(null, cookie!) : new StudioActor(null, false);
    }
}
