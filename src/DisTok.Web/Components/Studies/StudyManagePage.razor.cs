using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Studies;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Studies;

/// <summary>The owner's page of a study: rendering progress, the invite link, open/close, and the way to the results.</summary>
public partial class StudyManagePage : IDisposable
{
    [Inject] StudyStore Studies { get; set; } = default!;
    [Inject] StudyParticipation Participation { get; set; } = default!;
    [Inject] StudyRenderer Renderer { get; set; } = default!;
    [Inject] StudyVotes VoteEvents { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;

    /// <summary>The study's id, from the address.</summary>
    [Parameter] public string StudyId { get; set; } = "";

    /// <summary>The owner key, from <c>?key=</c>.</summary>
    [SupplyParameterFromQuery(Name = "key")] public string? Key { get; set; }

    /// <summary>The visitor: the study's maker (or an administrator) manages it without the key.</summary>
    [CascadingParameter] Identity.StudioUser? User { get; set; }

    Study? Study { get; set; }
    bool NotFound { get; set; }
    int Votes { get; set; }
    StudyRenderState Render { get; set; } = new(0, 0, null);
    string? ErrorMessage { get; set; }
    string InviteUrl => $"/study/{StudyId}";
    string ResultsUrl => $"/studies/{StudyId}/results?key={Uri.EscapeDataString(Study?.OwnerKey ?? Key ?? "")}";

    protected override void OnInitialized()
    {
        Renderer.Changed += OnChanged;
        VoteEvents.VoteRecorded += OnChanged;
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    async Task LoadAsync()
    {
        try
        {
            Study = await Studies.GetOwnedAsync(StudyId, Key, User?.Actor);
            Votes = (await Participation.VotesAsync(StudyId)).Count;
            int total = Study.Arms.Count * Study.Items.Count;
            Render = Renderer.StateOf(StudyId) ?? new(total - (await Studies.MissingImagesAsync(StudyId)).Count, total, null);
        }
        catch (StudioNotFoundException) { NotFound = true; }
    }

    void OnChanged(string studyId)
    {
        if (studyId != StudyId) return;
        _ = InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    void Retry() => Renderer.Retry(StudyId);

    async Task SetStatusAsync(StudyStatus status)
    {
        ErrorMessage = null;
        try { Study = await Studies.SetStatusAsync(StudyId, Study!.OwnerKey, status); }
        catch (Exception e) when (e is StudioValidationException or StudioNotFoundException) { ErrorMessage = e.Message; }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Renderer.Changed -= OnChanged;
        VoteEvents.VoteRecorded -= OnChanged;
    }
}
