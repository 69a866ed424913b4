namespace DisTok.Web.Accounts;

/// <summary>
/// When <see cref="StudioOptions.AllowAnonymous"/> is off, everything except signing in needs a signed-in account:
/// pages redirect to the sign-in page, the API and hubs answer 401. The sign-in page and form posts, the framework's
/// and the site's static files, and <c>/healthz</c> stay open.
/// </summary>
public static class SignInRequired
{
    static readonly string[] OpenPrefixes = ["/account/", "/_framework/", "/_content/", "/healthz"];
    static readonly string[] StaticExtensions = [".css", ".js", ".png", ".ico", ".svg", ".woff", ".woff2", ".map"];
    static readonly string[] MachinePrefixes = ["/api", "/hubs", "/openapi", "/_blazor"];

    /// <summary>Adds the gate when the studio is configured to need accounts; otherwise does nothing.</summary>
    public static IApplicationBuilder UseSignInRequired(this IApplicationBuilder app, StudioOptions options)
    {
        if (options.AllowAnonymous) return app;
        return app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (context.User.Identity?.IsAuthenticated == true || IsOpen(path)) return next(context);
            if (MachinePrefixes.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return context.Response.WriteAsJsonAsync(new { title = "Sign-in required", status = 401, detail = "this studio needs an account; sign in first" });
            }
            context.Response.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(path + context.Request.QueryString)}");
            return Task.CompletedTask;
        });
    }

    static bool IsOpen(string path) =>
        OpenPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || StaticExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
