using System.Text.Encodings.Web;
using DisTok.Data.Accounts;
using DisTok.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Accounts;

/// <summary>
/// Signs a request in as the account of a personal API token (<see cref="ApiKeys"/>): <c>Authorization: Bearer dtk_…</c>,
/// or for a hub's WebSocket, which cannot carry headers from every client, the <c>access_token</c> query parameter of
/// a <c>/hubs</c> request. A token request sends no cookies, so the cross-site rules do not apply to it; a token that is
/// unknown, revoked, or whose account is locked out or deleted gets 401 with the reason.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiToken";

    /// <summary>The token a request carries, or null.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer " + ApiKeys.Prefix, StringComparison.Ordinal)) return header["Bearer ".Length..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query
            && query.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal)) return query;
        return null;
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token) return AuthenticateResult.NoResult();
        var keys = Context.RequestServices.GetRequiredService<ApiKeys>();
        var users = Context.RequestServices.GetRequiredService<UserManager<StudioAccount>>();
        if (await keys.AccountOfAsync(token, Context.RequestAborted) is not { } accountId)
            return AuthenticateResult.Fail("the API token is unknown, revoked or malformed");
        if (await users.FindByIdAsync(accountId) is not { } account) return AuthenticateResult.Fail("the API token's account no longer exists");
        if (await users.IsLockedOutAsync(account)) return AuthenticateResult.Fail("the API token's account is locked out");
        var principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<StudioAccount>>().CreateAsync(account);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await Results.Problem(title: "Not signed in", statusCode: StatusCodes.Status401Unauthorized,
            detail: result.Failure?.Message is { } why ? $"{why}; make a new one with POST /api/account/tokens while signed in." : "this needs a signed-in account or an API token")
            .ExecuteAsync(Context);
    }
}

/// <summary>Wiring for <see cref="ApiTokenAuthentication"/>.</summary>
public static class ApiTokenRequired
{
    /// <summary>A request that presents an API token which does not sign it in is answered 401 here, instead of going on
    /// anonymously (a script would otherwise make things nobody owns). Runs after <c>UseAuthentication</c>.</summary>
    public static IApplicationBuilder UseApiTokenRequired(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ApiTokenAuthentication.TokenOf(context.Request) is not null && context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync(ApiTokenAuthentication.SchemeName);
            return;
        }
        await next(context);
    });
}
