using DisTok.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Data.Accounts;

/// <summary>The account rules, shared by the web app and the command line so both refuse the same passwords.</summary>
public static class AccountRegistration
{
    /// <summary>Passwords: at least 12 characters with upper and lower case and a digit, not common; 5 failed sign-ins lock
    /// an account for 15 minutes; e-mails are unique.</summary>
    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>Adds Identity's core services (users and roles in the studio database) with <see cref="Configure"/>, <see cref="AccountAdmin"/> and <see cref="AccountDirectory"/>.</summary>
    public static IdentityBuilder AddStudioAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountAdmin>();
        services.AddScoped<AccountDirectory>();
        services.AddSingleton<ApiKeys>();
        return services.AddIdentityCore<StudioAccount>(Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();
    }
}
