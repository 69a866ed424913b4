using DisTok.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DisTok.Web.Accounts;

/// <summary>Accounts in the web app: Identity with its cookie, the sign-in pages' paths, and authorization.</summary>
public static class AccountSetup
{
    /// <summary>Adds Identity (the shared account rules), its application cookie and authorization.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddStudioAccounts().AddSignInManager();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }
}
