using DisTok.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using DisTok.Web.Security;

namespace DisTok.Web.Accounts;

/// <summary>Sign-in and sign-out as form posts (they set the auth cookie, which a Blazor circuit cannot). Both check the
/// antiforgery token; a failed sign-in counts toward the lockout and says nothing about which part was wrong.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps <c>POST /account/login</c> and <c>POST /account/logout</c>.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", LoginAsync).RequireRateLimiting(RateLimits.SignIn).ExcludeFromDescription();
        app.MapPost("/account/logout", LogoutAsync).ExcludeFromDescription();
    }

    static async Task<IResult> LoginAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<StudioAccount> signIn)
    {
        var back = LocalOrHome(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254 || password.Length > 256)
            return Results.LocalRedirect($"/account/login?error=missing&returnUrl={Uri.EscapeDataString(back)}");
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return Results.LocalRedirect(back);
        var error = result.IsLockedOut ? "locked" : "failed";
        return Results.LocalRedirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(back)}");
    }

    static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<StudioAccount> signIn)
    {
        // The endpoint binds no form field, so the framework would not check the token by itself.
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.Problem(title: "Sign-out refused", statusCode: StatusCodes.Status400BadRequest,
                detail: "The sign-out form's antiforgery token is missing or invalid; reload the page and sign out again.");
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/");
    }

    /// <summary>The return address when it stays on this site (starts with one '/'), else the home page.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || u[1] is not ('/' or '\\')) ? u : "/";
}
