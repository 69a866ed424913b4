using DisTok.Data.Accounts;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Web.Models;
using DisTok.Web.Training;

namespace DisTok.Web.Api;

/// <summary>
/// <c>/api/admin</c>: training runs and model versions, for administrators only (anonymous callers get 401, signed-in
/// non-admins 403). Start a run, follow it, cancel it; list versions; promote one (a rollback is promoting an older one).
/// </summary>
public static class AdminEndpoints
{
    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(p => p.RequireRole(StudioRoles.Admin));
        g.MapGet("/training", Training).WithSummary("The active (or last) run's live state and the recorded runs");
        g.MapPost("/training", Start).WithSummary("Start a DisTok training run; missing settings default to the served model's")
            .WithDescription("Refused with 409 while another run is going, with 400 for settings out of bounds.");
        g.MapPost("/training/{run:int}/cancel", Cancel).WithSummary("Cancel the active run; it leaves no version");
        g.MapGet("/versions", Versions).WithSummary("Model versions, newest first, with their dev-set figures and which one is served");
        g.MapPost("/versions/{number:int}/promote", Promote).WithSummary("Serve this version from the next request on (also a rollback)");
        g.MapPost("/versions/{number:int}/evaluate", Evaluate).WithSummary("Evaluate this version on the dev set in the background (e.g. the embedded model)")
            .WithDescription("202; poll GET /api/admin/versions for its figures. 409 while a run or another evaluation is going, 503 without a soft labeler.");
    }

    static async Task<IResult> Training(TrainingService training, TrainingRuns runs, CancellationToken ct) =>
        TypedResults.Ok(new TrainingOverview(training.Current is { } s ? TrainingLiveView.Of(s) : null, (await runs.ListAsync(20, ct)).Select(TrainingRunView.Of).ToList()));

    static async Task<IResult> Start(TrainingStart? body, TrainingService training, HttpContext http, CancellationToken ct)
    {
        var d = training.Defaults();
        int steps = body?.Steps ?? d.Steps;
        var settings = new TrainingSettings(steps, body?.Seed ?? d.Seed, body?.Ablation ?? d.Ablation,
            body?.EstimationEvery ?? Math.Clamp(d.EstimationEvery, 0, Math.Max(steps, 0)), body?.SampleEvery ?? Math.Max(1, steps / 10));
        var run = await training.StartAsync(settings, By(http), ct);
        return TypedResults.Accepted($"/api/admin/training", TrainingRunView.Of(run));
    }

    static async Task<IResult> Cancel(int run, TrainingService training, HttpContext http, CancellationToken ct)
    {
        await training.CancelAsync(run, By(http), ct);
        return TypedResults.Accepted("/api/admin/training");
    }

    static async Task<IResult> Versions(ModelVersions versions, ServedDisTok served, CancellationToken ct) =>
        TypedResults.Ok((await versions.ListAsync(ct)).Select(v => ModelVersionView.Of(v, served.VersionNumber)).ToList());

    static async Task<IResult> Promote(int number, VersionPromotion promotion, ServedDisTok served, HttpContext http, CancellationToken ct)
    {
        var version = await promotion.PromoteAsync(number, By(http), ct);
        return TypedResults.Ok(ModelVersionView.Of(version, served.VersionNumber));
    }

    static async Task<IResult> Evaluate(int number, TrainingService training, HttpContext http, CancellationToken ct)
    {
        await training.EvaluateAsync(number, By(http), ct);
        return TypedResults.Accepted("/api/admin/versions");
    }

    static string By(HttpContext http) => Identity.Owners.AdminNameOf(http.User);
}
