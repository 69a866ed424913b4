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
    int _refreshing;   // 1 while a refresh loop runs
    int _pending;      // 1 when a vote landed that the page has not computed yet

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
        if (studyId != StudyId || Study is null) return;
        Interlocked.Exchange(ref _pending, 1);
        if (Interlocked.Exchange(ref _refreshing, 1) == 1) return;   // the running refresh will see _pending
        _ = InvokeAsync(async () =>
        {
            try
            {
                // Let a burst of votes land, then compute once; a vote that lands while computing sets _pending again
                // and gets its own round, so the page never stops short of the last committed vote.
                while (Interlocked.Exchange(ref _pending, 0) == 1)
                {
                    await Task.Delay(250);
                    await ComputeAsync();
                    StateHasChanged();
                }
            }
            finally
            {
                Interlocked.Exchange(ref _refreshing, 0);
                if (Volatile.Read(ref _pending) == 1) OnVote(studyId);   // arrived between the loop's end and here
            }
        });
    }

    static string Percent(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    static string Percent1(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose() => VoteEvents.VoteRecorded -= OnVote;
}
