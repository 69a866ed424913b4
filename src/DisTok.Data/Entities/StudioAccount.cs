using Microsoft.AspNetCore.Identity;

namespace DisTok.Data.Entities;

/// <summary>A signed-in person (ASP.NET Core Identity user): an e-mail as the user name, a password hash, roles.</summary>
public sealed class StudioAccount : IdentityUser
{
    /// <summary>The name shown to others (1..60 characters).</summary>
    public string DisplayName { get; set; } = "";
}
