using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.AspNetCore.Identity;

namespace DisTok.Data.Accounts;

/// <summary>Creates accounts with a role. The first administrator is made this way (from the command line), never from a
/// default password.</summary>
public sealed class AccountAdmin(UserManager<StudioAccount> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Creates an account in <paramref name="role"/>.</summary>
    /// <exception cref="StudioValidationException">A bad e-mail, a weak password, an e-mail already taken, or an unknown role; nothing is stored.</exception>
    public async Task<StudioAccount> CreateAsync(string email, string password, string role, string? displayName = null)
    {
        if (role is not (StudioRoles.Admin or StudioRoles.User)) throw new StudioValidationException("role", $"role must be '{StudioRoles.Admin}' or '{StudioRoles.User}', got '{role}'");
        var address = email?.Trim() ?? "";
        if (address.Length is < 3 or > 254 || !address.Contains('@')) throw new StudioValidationException("email", $"'{address}' is not an e-mail address");
        var account = new StudioAccount
        {
            UserName = address, Email = address, EmailConfirmed = true,
            DisplayName = StudioInput.DisplayName(displayName ?? address.Split('@')[0], "display name"),
        };
        foreach (var name in new[] { StudioRoles.Admin, StudioRoles.User })
            if (!await roles.RoleExistsAsync(name)) Check(await roles.CreateAsync(new IdentityRole(name)));
        Check(await users.CreateAsync(account, password));
        var added = await users.AddToRoleAsync(account, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(account);
            Check(added);
        }
        return account;
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new StudioValidationException("account", string.Join("; ", result.Errors.Select(e => e.Description.TrimEnd('.'))));
    }
}
