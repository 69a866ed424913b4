using DisTok.Core.Backbone;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.Web.Generation;
using DisTok.Web.Identity;
using DisTok.Web.Models;
using DisTok.Web.Security;

namespace DisTok.Web.Api;

/// <summary><c>/api/generations</c>: queue a distribution, poll it, fetch the PNG, cancel it.</summary>
public static class GenerationEndpoints
{
    /// <summary>The template used when a submission names none.</summary>
    public const string DefaultTemplate = "a photo of a <*>";

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/generations").WithTags("Generations");
        g.MapPost("/", Submit).RequireRateLimiting(RateLimits.Generate).WithSummary("Queue a render of a distribution")
            .WithDescription("Makes the DisTok token of the distribution and queues it rendered in the template. Poll the answer's id; " +
                             "the image is at imageUrl once status is done. Each client has a limit of queued or running jobs (429 beyond it).");
        g.MapGet("/{id:guid}", Get).WithSummary("A render's status and progress");
        g.MapGet("/{id:guid}/image", Image).WithSummary("The finished PNG (409 while it is not done)");
        g.MapDelete("/{id:guid}", Cancel).WithSummary("Cancel a render you queued");
    }

    static IResult Submit(GenerationSubmission body, HttpContext http, GenerationQueue queue, ApiJobs jobs, ServedDisTok distok)
    {
        if (body is null) throw new ArgumentException("send a JSON body with at least \"distribution\"");
        var template = StudioInput.Template(body.Template ?? DefaultTemplate);
        var model = distok.Model ?? throw new ModelMissingException(distok.Problem!);
        var distribution = DistributionText.Parse(body.Distribution, model);
        var request = new GenerationRequest(template, body.Seed, body.Steps, Token: model.TokenFor(distribution).Vector);
        var job = queue.Enqueue(request, new JobOrigin(OwnerOf(http), DisplayName: "api client", Payer: Payer.Of(http)));
        var entry = new ApiJob(job, distribution.ToString(), distribution.WasNormalized);
        jobs.Add(entry);
        return TypedResults.Accepted($"/api/generations/{job.Id}", entry.View());
    }

    static GenerationView Get(Guid id, ApiJobs jobs) => Find(jobs, id).View();

    static IResult Image(Guid id, ApiJobs jobs)
    {
        var job = Find(jobs, id).Job;
        if (job.Result is { } result) return TypedResults.File(result.Png, "image/png", $"distok-{id:N}.png");
        var state = job.IsFinished ? $"it ended {job.Status.ToString().ToLowerInvariant()}: {job.Error}" : $"it is {job.Status.ToString().ToLowerInvariant()} (step {job.Step}/{job.TotalSteps})";
        return TypedResults.Problem($"generation {id} has no image: {state}", statusCode: StatusCodes.Status409Conflict, title: "No image yet");
    }

    static IResult Cancel(Guid id, HttpContext http, GenerationQueue queue, ApiJobs jobs)
    {
        var entry = Find(jobs, id);
        try { queue.Cancel(id, OwnerOf(http)); }
        catch (UnauthorizedAccessException e) { return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not yours"); }
        return TypedResults.Ok(entry.View());
    }

    /// <summary>API jobs count against the browser's client id when the request carries its cookie, else the caller's address.</summary>
    static string OwnerOf(HttpContext http) => ClientCookies.MachineOwnerOf(http, "api", http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    static ApiJob Find(ApiJobs jobs, Guid id) =>
        jobs.Find(id) ?? throw new StudioNotFoundException($"generation {id} not found (unknown, or finished long ago)");
}
