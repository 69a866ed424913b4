using System.Security.Claims;
using DisTok.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Accounts;

/// <summary>
/// Checks an open circuit's sign-in against the database every <see cref="StudioOptions.AuthRevalidationSeconds"/>: an
/// account that was deleted, or whose security stamp changed (a role change, a password reset, a lockout lifted or
/// set), is signed out of the circuit, so a demoted administrator loses the admin pages without reloading. HTTP
/// requests are checked the same way by the cookie's security-stamp validation.
/// </summary>
public sealed class RevalidatingAuthState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity,
    IOptions<StudioOptions> studio) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    /// <inheritdoc />
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(studio.Value.AuthRevalidationSeconds);

    /// <inheritdoc />
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (state.User.Identity?.IsAuthenticated != true) return true;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioAccount>>();
        var account = await users.GetUserAsync(state.User);
        if (account is null) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(account);
    }
}
