using DisTok.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace DisTok.Data.Accounts;

/// <summary>Refuses passwords that are common or built from the account's own name, on top of Identity's length and
/// character rules.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StudioAccount>
{
    static readonly string[] Common =
    [
        "password", "passw0rd", "123456", "12345678", "qwerty", "letmein", "welcome", "admin", "administrator", "changeme",
        "iloveyou", "monkey", "dragon", "football", "distok", "studio", "default", "secret",
    ];

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<StudioAccount> manager, StudioAccount user, string? password)
    {
        var p = (password ?? "").ToLowerInvariant();
        var nameParts = (user.UserName ?? user.Email ?? "").Split('@')[0].ToLowerInvariant().Split(['.', '_', '-', '+']);
        if (Common.Any(p.Contains))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "the password contains a common word or sequence (e.g. 'password', 'admin', '123456')" }));
        if (nameParts.Any(part => part.Length >= 3 && p.Contains(part)))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NameInPassword", Description = "the password contains the account's name" }));
        return Task.FromResult(IdentityResult.Success);
    }
}
