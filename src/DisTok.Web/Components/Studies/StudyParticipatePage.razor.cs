using System.Diagnostics;
using DisTok.Core.Distributions;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Api;
using DisTok.Web.Identity;
using DisTok.Web.Studies;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Studies;

/// <summary>
/// A participant's page: consent, then one blind battle at a time (images by random id, sides as planned, no arm
/// names anywhere on the page), a vote acknowledged only after it is committed, and — if the study allows — the
/// methods revealed at the end. The browser's client id finds the participation again after a reload.
/// </summary>
public partial class StudyParticipatePage
{
    [Inject] StudyStore Studies { get; set; } = default!;
    [Inject] StudyParticipation Participation { get; set; } = default!;
    [Inject] StudyVotes Votes { get; set; } = default!;
    [Inject] IHttpContextAccessor Http { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    /// <summary>The study's id, from the invite link.</summary>
    [Parameter] public string StudyId { get; set; } = "";

    readonly Stopwatch _shown = new();

    Study? Study { get; set; }
    bool NotFound { get; set; }
    string? ParticipantId { get; set; }
    IReadOnlyList<BlindBattle>? Battles { get; set; }
    IReadOnlyList<StudyBattle> Revealed { get; set; } = [];
    string? ErrorMessage { get; set; }
    bool Busy { get; set; }

    BlindBattle? Current => Battles?.FirstOrDefault(b => b.Choice is null);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            Study = await Studies.GetAsync(StudyId);
            if (User is not null && await Participation.FindAsync(StudyId, User.ClientId) is { } known)
            {
                ParticipantId = known;
                await LoadBattlesAsync();
            }
        }
        catch (StudioNotFoundException) { NotFound = true; }
    }

    async Task StartAsync()
    {
        await Guard(async () =>
        {
            var address = Http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            ParticipantId = await Participation.JoinAsync(StudyId, address, User?.ClientId ?? throw new StudioValidationException("participant", "this browser has no client id; reload the page"));
            await LoadBattlesAsync();
        });
    }

    async Task VoteAsync(StudyChoice choice)
    {
        if (Current is not { } battle) return;
        await Guard(async () =>
        {
            await Votes.VoteAsync(StudyId, ParticipantId!, battle.Id, choice, (int)Math.Min(int.MaxValue, _shown.ElapsedMilliseconds));
            await LoadBattlesAsync();
        });
    }

    async Task LoadBattlesAsync()
    {
        Battles = await Participation.BattlesAsync(StudyId, ParticipantId);
        _shown.Restart();
        if (Current is null && Study!.RevealAfter)
            Revealed = (await Participation.VotesAsync(StudyId)).Where(v => v.ParticipantId == ParticipantId).OrderBy(v => v.Ordinal).ToList();
    }

    async Task Guard(Func<Task> action)
    {
        Busy = true;
        try { ErrorMessage = await PageActions.RunAsync(action); }
        finally { Busy = false; }
    }

    string BlendWords(int item) => string.Join(" and ", ConceptWords(Study!.Items[item].Distribution));

    static IEnumerable<string> ConceptWords(string distribution) =>
        distribution.Split(',').Select(part => part.Split('=')[0].Trim());

    static string ImageUrl(string imageId) => StudyEndpoints.ImageUrl(imageId);

    static string ChoiceText(StudyChoice? c) => c switch
    {
        StudyChoice.Left => "left", StudyChoice.Right => "right", StudyChoice.Tie => "tie", StudyChoice.BothBad => "both bad", _ => "",
    };
}
