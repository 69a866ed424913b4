using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace DisTok.Web.Security;

/// <summary>The page <c>UseExceptionHandler("/error")</c> re-executes a failed request on: a plain HTML page (no
/// components, so it renders whatever broke) that says what happened and gives the request id to quote in a report.
/// API requests get a problem document instead. Nothing about the exception itself is shown.</summary>
public static class ErrorPage
{
    /// <summary>Maps <c>/error</c> for every method (the exception handler keeps the failed request's method).</summary>
    public static void MapErrorPage(this WebApplication app) => app.Map("/error", Render).ExcludeFromDescription();

    static IResult Render(HttpContext context)
    {
        var failed = context.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var id = WebUtility.HtmlEncode(context.TraceIdentifier);
        if (failed is not null && failed.StartsWith("/api", StringComparison.Ordinal))
            return Results.Problem(title: "Something went wrong on the server",
                detail: $"The request could not be completed; nothing was changed by it. Request id: {context.TraceIdentifier}.",
                statusCode: StatusCodes.Status500InternalServerError);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Something went wrong · DisTok Studio</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5{"}"}</style></head>
            <body><h1 id="error-title">Something went wrong</h1>
            <p>The studio could not finish this request. Nothing you had saved is lost; try again, or go back to the <a href="/">start page</a>.</p>
            <p>If it keeps happening, tell the people who run this studio and quote request id <code id="error-request">{id}</code>.</p>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status500InternalServerError);
    }
}
