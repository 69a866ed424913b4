using System.Globalization;
using System.Text;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.Web.Generation;
using DisTok.Web.Identity;
using DisTok.Web.Models;
using DisTok.Web.Studies;
using DisTok.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DisTok.Web.Api;

/// <summary>
/// <c>/api/studies</c>: take part from a script (join, vote), fetch blind images, and — with the owner key — read the
/// results and export raw votes. Image addresses carry only a random id, never the arm.
/// </summary>
public static class StudyEndpoints
{
    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/studies").WithTags("Studies");
        g.MapPost("/", Create).RequireRateLimiting(RateLimits.CreateStudy).WithMetadata(new RequestSizeLimitAttribute(MaxCreationBytes)).WithSummary("Create a study and start rendering its images; answers its id and owner key")
            .WithDescription("arms: 2 to 8 of distok, plain_prompt, embedding_mean, per_concept_optimisation; items: distributions. " +
                             "The study opens by itself when every image is rendered (poll GET /api/studies/{id}?key=).");
        g.MapGet("/{id}", Status).WithSummary("A study's status and rendering progress (owner key)");
        g.MapGet("/images/{imageId}", Image).WithSummary("A study image by its random id");
        g.MapPost("/{id}/participants", Join).RequireRateLimiting(RateLimits.Participate).WithSummary("Join an open study; returns the participant's blind battles")
            .WithDescription("clientKey (any string up to 100 characters) lets a script find its participation again; without it a browser's cookie is used.");
        g.MapPost("/{id}/votes", Vote).RequireRateLimiting(RateLimits.Participate).WithSummary("Vote on one of your battles; answered only after the vote is committed");
        g.MapGet("/{id}/results", Results).WithSummary("Win:Loss:Tie with Wilson intervals, Bradley–Terry with bootstrap intervals (owner key)");
        g.MapGet("/{id}/votes.csv", VotesCsv).WithSummary("Raw votes as CSV (owner key)");
        g.MapGet("/{id}/table.csv", TableCsv).WithSummary("The Win:Loss:Tie table as CSV (owner key)");
    }

    /// <summary>Largest study definition accepted (checked before the body is read).</summary>
    public const long MaxCreationBytes = 1_048_576;

    static async Task<IResult> Create(StudyCreation body, StudyStore studies, StudyRenderer renderer, ServedDisTok distok, HttpContext http, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            return TypedResults.Problem(title: "Sign in to create a study", statusCode: StatusCodes.Status401Unauthorized,
                detail: "Creating a study needs an account: its images count against the account's share of the generation queue. " +
                        "Taking part in a study needs none. Nothing was created.");
        if (body is null) throw new ArgumentException("send a JSON body with title, question, consent, arms and items");
        // Counts and sizes first: nothing is parsed for a definition that breaks them.
        if ((body.Items?.Count ?? 0) is < 1 or > StudyLimits.MaxItems)
            throw new ArgumentException($"a study has 1 to {StudyLimits.MaxItems} items, got {body.Items?.Count ?? 0}");
        if ((body.Arms?.Count ?? 0) is < 2 or > StudyLimits.MaxArms)
            throw new ArgumentException($"a study compares 2 to {StudyLimits.MaxArms} arms, got {body.Arms?.Count ?? 0}");
        for (int i = 0; i < body.Items!.Count; i++)
            if (body.Items[i] is not { Length: > 0 and <= StudioLimits.MaxSourceLength })
                throw new ArgumentException($"item {i + 1} is empty or longer than {StudioLimits.MaxSourceLength} characters");
        var model = distok.Model ?? throw new ModelMissingException(distok.Problem!);
        var items = (body.Items ?? []).Select((text, i) =>
        {
            try { return DistributionText.Parse(text, model).ToString(); }
            catch (ArgumentException e) { throw new ArgumentException($"item {i + 1}: {e.Message}"); }
        }).ToList();
        var arms = (body.Arms ?? []).Select(m => new StudyArmDraft(m, m)).ToList();
        if (arms.Any(a => a.Method == "library_token")) throw new ArgumentException("library_token arms are set up on the study page");
        var study = await studies.CreateAsync(new StudyDraft(body.Title ?? "", body.Question ?? "", body.Consent ?? "", body.Template ?? GenerationEndpoints.DefaultTemplate,
            body.JudgementsPerParticipant, body.RevealAfter, body.Seed, arms, items), ct, Owners.ApiActorOf(http).Owner, StudyStatus.Rendering);
        renderer.Wake();
        return TypedResults.Created($"/api/studies/{study.Id}?key={study.OwnerKey}",
            new CreatedStudy(study.Id, study.OwnerKey, $"/study/{study.Id}", $"/studies/{study.Id}/manage?key={study.OwnerKey}"));
    }

    static async Task<StudyStatusView> Status(string id, string? key, StudyStore studies, StudyParticipation participation, StudyRenderer renderer,
        HttpContext http, CancellationToken ct)
    {
        var study = await studies.GetOwnedAsync(id, key, Owners.ApiActorOf(http), ct);
        int total = study.Arms.Count * study.Items.Count;
        int missing = (await studies.MissingImagesAsync(id, ct)).Count;
        return new StudyStatusView(study.Id, study.Status.ToString().ToLowerInvariant(), total - missing, total, renderer.StateOf(id)?.Problem,
            (await participation.VotesAsync(id, ct)).Count);
    }

    static async Task<IResult> Image(string imageId, StudyStore studies, CancellationToken ct) =>
        await studies.ImageAsync(imageId, ct) is { } png
            ? TypedResults.File(png, "image/png")
            : TypedResults.Problem("no such study image", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    static async Task<JoinedStudy> Join(string id, JoinRequest? body, HttpContext http, StudyParticipation participation, CancellationToken ct)
    {
        var clientKey = body?.ClientKey ?? http.Request.Cookies[ClientCookies.ClientId];
        if (string.IsNullOrWhiteSpace(clientKey) || clientKey.Length > 100) throw new ArgumentException("send a clientKey of 1 to 100 characters (or use the browser's cookie)");
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var participant = await participation.JoinAsync(id, address, "api:" + clientKey, ct);
        var battles = await participation.BattlesAsync(id, participant, ct);
        return new JoinedStudy(participant, battles.Select(b => new BattleView(b.Id, b.Ordinal, ImageUrl(b.LeftImageId), ImageUrl(b.RightImageId),
            b.Choice is { } c ? ChoiceName(c) : null)).ToList());
    }

    static async Task<VoteRecorded> Vote(string id, VoteRequest body, StudyVotes votes, CancellationToken ct)
    {
        if (body is null) throw new ArgumentException("send participantId, battleId and choice");
        var choice = ParseChoice(body.Choice);
        await votes.VoteAsync(id, body.ParticipantId ?? "", body.BattleId ?? "", choice, body.ResponseMs, ct);
        return new VoteRecorded(body.BattleId!, ChoiceName(choice));
    }

    static async Task<StudyResults> Results(string id, string? key, StudyStore studies, StudyParticipation participation, HttpContext http, CancellationToken ct)
    {
        var study = await studies.GetOwnedAsync(id, key, Owners.ApiActorOf(http), ct);
        return StudyResults.Of(study, await participation.VotesAsync(id, ct), await participation.JudgementsAsync(id, ct));
    }

    static async Task<IResult> VotesCsv(string id, string? key, StudyStore studies, StudyParticipation participation, HttpContext http, CancellationToken ct)
    {
        var study = await studies.GetOwnedAsync(id, key, Owners.ApiActorOf(http), ct);
        var csv = new StringBuilder("participant,battle,ordinal,item,distribution,left_arm,right_arm,choice,winner,voted_utc,response_ms\n");
        foreach (var v in await participation.VotesAsync(id, ct))
        {
            string winner = v.Choice switch { StudyChoice.Left => Arm(study, v.LeftArm), StudyChoice.Right => Arm(study, v.RightArm), _ => "" };
            csv.AppendLine(string.Join(",", v.ParticipantId, v.Id, v.Ordinal, v.ItemIndex, Csv(study.Items[v.ItemIndex].Distribution),
                Csv(Arm(study, v.LeftArm)), Csv(Arm(study, v.RightArm)), ChoiceName(v.Choice!.Value), Csv(winner),
                v.VotedUtc!.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), v.ResponseMs));
        }
        return TypedResults.Text(csv.ToString(), "text/csv", Encoding.UTF8);
    }

    static async Task<IResult> TableCsv(string id, string? key, StudyStore studies, StudyParticipation participation, HttpContext http, CancellationToken ct)
    {
        var results = await Results(id, key, studies, participation, http, ct);
        var csv = new StringBuilder("arm_a,arm_b,wins,losses,ties,both_bad,win_rate,wilson_low,wilson_high\n");
        foreach (var p in results.Pairs)
            csv.AppendLine(string.Join(",", Csv(results.ArmNames[p.ArmA]), Csv(results.ArmNames[p.ArmB]), p.Wins, p.Losses, p.Ties, p.BothBad,
                F(p.WinRate.Rate), F(p.WinRate.Lower), F(p.WinRate.Upper)));
        return TypedResults.Text(csv.ToString(), "text/csv", Encoding.UTF8);
    }

    /// <summary>A choice from its API name: left, right, tie or both_bad.</summary>
    public static StudyChoice ParseChoice(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "left" => StudyChoice.Left,
        "right" => StudyChoice.Right,
        "tie" => StudyChoice.Tie,
        "both_bad" => StudyChoice.BothBad,
        _ => throw new ArgumentException($"choice must be left, right, tie or both_bad, got '{name}'"),
    };

    /// <summary>A choice's API name.</summary>
    public static string ChoiceName(StudyChoice c) => c switch { StudyChoice.BothBad => "both_bad", _ => c.ToString().ToLowerInvariant() };

    /// <summary>Where a study image is served.</summary>
    public static string ImageUrl(string imageId) => $"/api/studies/images/{imageId}";

    static string Arm(Study study, int index) => study.Arms[index].Name;

    static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    static string Csv(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}

/// <summary>A study to create from a script.</summary>
public sealed record StudyCreation(string? Title, string? Question, string? Consent, IReadOnlyList<string>? Arms, IReadOnlyList<string>? Items,
    string? Template = null, int JudgementsPerParticipant = 5, bool RevealAfter = true, int Seed = 0);

/// <summary>A created study: its id, its owner key, and its two addresses.</summary>
public sealed record CreatedStudy(string Id, string OwnerKey, string InviteUrl, string ManageUrl);

/// <summary>Where a study is.</summary>
public sealed record StudyStatusView(string Id, string Status, int ImagesDone, int ImagesTotal, string? Problem, int Votes);

/// <summary>Joining a study from a script.</summary>
/// <param name="ClientKey">The script's own key, so a second join returns the same participation.</param>
public sealed record JoinRequest(string? ClientKey);

/// <summary>A participant and their blind battles.</summary>
public sealed record JoinedStudy(string ParticipantId, IReadOnlyList<BattleView> Battles);

/// <summary>One blind battle: only the images' random addresses.</summary>
public sealed record BattleView(string Id, int Ordinal, string LeftImageUrl, string RightImageUrl, string? Choice);

/// <summary>A vote.</summary>
/// <param name="ParticipantId">Who votes.</param>
/// <param name="BattleId">On which of their battles.</param>
/// <param name="Choice"><c>left</c>, <c>right</c>, <c>tie</c> or <c>both_bad</c>.</param>
/// <param name="ResponseMs">Milliseconds from seeing the battle to voting.</param>
public sealed record VoteRequest(string? ParticipantId, string? BattleId, string? Choice, int ResponseMs = 0);

/// <summary>A committed vote.</summary>
public sealed record VoteRecorded(string BattleId, string Choice);
