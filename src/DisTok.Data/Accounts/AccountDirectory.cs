using DisTok.Data.Entities;
using DisTok.Data.Storage;
using DisTok.Data.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Accounts;

/// <summary>An account as the users page shows it.</summary>
/// <param name="Email">Its sign-in name.</param>
/// <param name="DisplayName">The name shown to others.</param>
/// <param name="Role">admin or user.</param>
/// <param name="LockedOutUntil">When a lockout ends, or null.</param>
public sealed record AccountSummary(string Email, string DisplayName, string Role, DateTimeOffset? LockedOutUntil);

/// <summary>The accounts for administrators: list them, change a role, lift a lockout. The last administrator cannot be
/// demoted, so the service never ends up without one.</summary>
public sealed class AccountDirectory(UserManager<StudioAccount> users, StudioDbContext db, TimeProvider clock)
{
    /// <summary>Every account, by e-mail.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken ct = default)
    {
        var accounts = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
        var admins = (await users.GetUsersInRoleAsync(StudioRoles.Admin)).Select(u => u.Id).ToHashSet();
        var now = clock.GetUtcNow();
        return accounts.Select(a => new AccountSummary(a.Email ?? "", a.DisplayName, admins.Contains(a.Id) ? StudioRoles.Admin : StudioRoles.User,
            a.LockoutEnd is { } end && end > now ? end : null)).ToList();
    }

    /// <summary>Gives an account the role <paramref name="role"/> (and only that one).</summary>
    /// <exception cref="StudioNotFoundException">No such account.</exception>
    /// <exception cref="StudioValidationException">An unknown role, or it would demote the last administrator.</exception>
    public async Task SetRoleAsync(string email, string role)
    {
        if (role is not (StudioRoles.Admin or StudioRoles.User)) throw new StudioValidationException("role", $"role must be '{StudioRoles.Admin}' or '{StudioRoles.User}', got '{role}'");
        // The count and the change in one immediate write transaction (a second one waits): two administrators
        // demoting each other at once cannot both pass the "last administrator" check.
        await WriteTransaction.RunAsync(db, async () =>
        {
            var account = await users.FindByEmailAsync(email) ?? throw new StudioNotFoundException($"no account '{email}'");
            var current = await users.GetRolesAsync(account);
            if (current.Contains(StudioRoles.Admin) && role != StudioRoles.Admin && (await users.GetUsersInRoleAsync(StudioRoles.Admin)).Count <= 1)
                throw new StudioValidationException("role", "this is the last administrator; make another one first");
            var remove = current.Where(r => r != role).ToList();
            if (remove.Count > 0) Check(await users.RemoveFromRolesAsync(account, remove));
            if (!current.Contains(role)) Check(await users.AddToRoleAsync(account, role));
            // A new stamp ends sign-ins that carry the old role (open circuits at their next check, cookies at theirs).
            if (remove.Count > 0 || !current.Contains(role)) Check(await users.UpdateSecurityStampAsync(account));
            return true;
        }, CancellationToken.None);
    }

    /// <summary>Ends an account's lockout and forgets its failed sign-ins.</summary>
    /// <exception cref="StudioNotFoundException">No such account.</exception>
    public async Task UnlockAsync(string email)
    {
        var account = await users.FindByEmailAsync(email) ?? throw new StudioNotFoundException($"no account '{email}'");
        Check(await users.SetLockoutEndDateAsync(account, null));
        Check(await users.ResetAccessFailedCountAsync(account));
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new StudioValidationException("account", string.Join("; ", result.Errors.Select(e => e.Description.TrimEnd('.'))));
    }
}
