using DisTok.Core.Tokens;
using DisTok.Data.Validation;
using DisTok.Web.Generation;

namespace DisTok.Web.Api;

/// <summary>
/// Turns the studio's exceptions into RFC 7807 problem answers for every API endpoint: bad input → 400, someone else's thing → 403, unknown id → 404, a state that forbids it (a training run already going, a version whose files are broken) → 409,
/// a client over its limit or a full queue → 429, a model that is not installed → 503. The message is the reason.
/// </summary>
public sealed class ApiErrors : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try { return await next(context); }
        catch (ModelMissingException e) { return Problem(StatusCodes.Status503ServiceUnavailable, "Model not available", e.Message); }
        catch (GenerationLimitException e)
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status429TooManyRequests, "Too many generations", e.Message);
        }
        catch (StudioNotFoundException e) { return Problem(StatusCodes.Status404NotFound, "Not found", e.Message); }
        catch (StudioForbiddenException e) { return Problem(StatusCodes.Status403Forbidden, "Not yours", e.Message); }
        catch (StudioConflictException e) { return Problem(StatusCodes.Status409Conflict, "Conflict", e.Message); }
        catch (InvalidDataException e) { return Problem(StatusCodes.Status409Conflict, "Model files unusable", e.Message); }
        catch (TokenFileException e) { return Problem(StatusCodes.Status400BadRequest, "Invalid token file", e.Message); }
        catch (ArgumentException e) { return Problem(StatusCodes.Status400BadRequest, "Invalid request", e.Message); }
    }

    static IResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}

/// <summary>A model the request needs is not installed or did not load; the message says which and why.</summary>
public sealed class ModelMissingException(string message) : Exception(message);
