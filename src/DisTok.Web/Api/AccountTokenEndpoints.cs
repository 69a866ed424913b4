using System.Security.Claims;
using DisTok.Data.Accounts;
using DisTok.Web.Security;

namespace DisTok.Web.Api;

/// <summary><c>/api/account/tokens</c>: a signed-in account makes, lists and revokes its personal API tokens. A script
/// then sends <c>Authorization: Bearer dtk_…</c> (no cookies, no extra header) and owns what it makes.</summary>
public static class AccountTokenEndpoints
{
    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/account/tokens").WithTags("Account").RequireAuthorization();
        g.MapGet("/", List).WithSummary("Your API tokens (without their secrets)");
        g.MapPost("/", Create).RequireRateLimiting(RateLimits.Store).WithSummary("Make an API token: {\"name\": \"…\"}; the answer holds the token, shown this once");
        g.MapDelete("/{id}", Revoke).WithSummary("Revoke one of your API tokens");
    }

    static string AccountOf(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new UnauthorizedAccessException("sign in first");

    static async Task<IReadOnlyList<ApiTokenView>> List(ApiKeys keys, HttpContext http, CancellationToken ct) =>
        (await keys.ListAsync(AccountOf(http), ct)).Select(k => new ApiTokenView(k.Id, k.Name, k.CreatedUtc, k.RevokedUtc, null)).ToList();

    static async Task<IResult> Create(ApiTokenRequest? body, ApiKeys keys, HttpContext http, CancellationToken ct)
    {
        var made = await keys.CreateAsync(AccountOf(http), body?.Name ?? "", ct);
        return TypedResults.Created($"/api/account/tokens/{made.Key.Id}", new ApiTokenView(made.Key.Id, made.Key.Name, made.Key.CreatedUtc, null, made.Token));
    }

    static async Task<IResult> Revoke(string id, ApiKeys keys, HttpContext http, CancellationToken ct)
    {
        await keys.RevokeAsync(AccountOf(http), id, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of <c>POST /api/account/tokens</c>.</summary>
/// <param name="Name">What to call the token (1–100 characters).</param>
public sealed record ApiTokenRequest(string? Name);

/// <summary>An API token as listed; <paramref name="Token"/> only in the answer that made it.</summary>
public sealed record ApiTokenView(string Id, string Name, DateTimeOffset CreatedUtc, DateTimeOffset? RevokedUtc, string? Token);
