using System.Globalization;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Studies;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Studies;

/// <summary>The owner's results page; it recomputes whenever a vote of the study is committed.</summary>
public partial class StudyResultsPage : IDisposable
{
    static readonly Dictionary<string, object> Download = new() { ["download"] = "" };

    [Inject] StudyStore Studies { get; set; } = default!;
    [Inject] StudyParticipation Participation { get; set; } = default!;
    [Inject] StudyVotes VoteEvents { get; set; } = default!;

    /// <summary>The study's id, from the address.</summary>
    [Parameter] public string StudyId { get; set; } = "";

    /// <summary>The owner key, from <c>?key=</c>.</summary>
    [SupplyParameterFromQuery(Name = "key")] public string? Key { get; set; }

    /// <summary>The visitor: the study's maker (or an administrator) manages it without the key.</summary>
    [CascadingParameter] Identity.StudioUser? User { get; set; }

    Study? Study { get; set; }
    StudyResults? Results { get; set; }
    bool NotFound { get; set; }
    int _refreshing;

    string KeyParam => Uri.EscapeDataString(Study?.OwnerKey ?? Key ?? "");

    protected override void OnInitialized() => VoteEvents.VoteRecorded += OnVote;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            Study = await Studies.GetOwnedAsync(StudyId, Key, User?.Actor);
            await ComputeAsync();
        }
        catch (StudioNotFoundException) { NotFound = true; }
    }

    async Task ComputeAsync() =>
        Results = StudyResults.Of(Study!, await Participation.VotesAsync(StudyId), await Participation.JudgementsAsync(StudyId));

    void OnVote(string studyId)
    {
        if (studyId != StudyId || Study is null || Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        _ = InvokeAsync(async () =>
        {
            try
            {
                await Task.Delay(250);   // let a burst of votes land, then compute once
                await ComputeAsync();
                StateHasChanged();
            }
            finally { Interlocked.Exchange(ref _refreshing, 0); }
        });
    }

    static string Percent(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    static string Percent1(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose() => VoteEvents.VoteRecorded -= OnVote;
}
