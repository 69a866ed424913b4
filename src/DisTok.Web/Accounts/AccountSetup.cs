using DisTok.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DisTok.Web.Accounts;

/// <summary>Accounts in the web app: Identity with its cookie, the sign-in pages' paths, and authorization.</summary>
public static class AccountSetup
{
    /// <summary>The sign-in cookie's name (Identity's default for its application scheme, named so other code can see it).</summary>
    public const string SignInCookie = ".AspNetCore.Identity.Application";

    /// <summary>The default authentication scheme: an API token when the request carries one, else the sign-in cookie.</summary>
    public const string StudioScheme = "Studio";

    /// <summary>Adds Identity (the shared account rules), its application cookie and authorization.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddStudioAccounts().AddSignInManager();
        // Requests carrying a personal API token sign in with it; everything else with Identity's cookie.
        builder.Services.AddAuthentication(StudioScheme)
            .AddPolicyScheme(StudioScheme, "cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthentication.TokenOf(context.Request) is not null ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = SignInCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Machines (the API, hubs) get a status code; people get the sign-in or "denied" page.
            o.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAuthState>();
        var seconds = builder.Configuration.GetSection(StudioOptions.Section).Get<StudioOptions>()?.AuthRevalidationSeconds ?? 60;
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(seconds));
        return builder;
    }

    static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
