using DisTok.Core.Distributions;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.Web.Generation;
using DisTok.Web.Models;
using DisTok.Web.Studies;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Studies;

/// <summary>Sets up a study: texts, arms (methods), items; creating it starts rendering and leads to its manage page.</summary>
public partial class StudyDesignerPage
{
    static readonly (string Method, string Label)[] Methods =
    [
        ("distok", "DisTok"), ("plain_prompt", "Plain prompt"), ("embedding_mean", "Prompt-embedding mean"),
        ("per_concept_optimisation", "Per-concept token optimisation"),
    ];

    [Inject] StudyStore Studies { get; set; } = default!;
    [Inject] StudyRenderer Renderer { get; set; } = default!;
    [Inject] ServedDisTok DisTok { get; set; } = default!;

    /// <summary>The maker: their account (or browser) may manage the study without its key.</summary>
    [CascadingParameter] Identity.StudioUser? User { get; set; }
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] TokenLibrary Library { get; set; } = default!;

    string Title { get; set; } = "Creative blends";
    string Question { get; set; } = "Which image is the more creative blend of the concepts?";
    string Consent { get; set; } = "You will compare pairs of generated images. Your answers are stored without your name or address and used for research.";
    string Template { get; set; } = "a photo of a <*>";
    int Judgements { get; set; } = 5;
    int Seed { get; set; }
    bool Reveal { get; set; } = true;
    HashSet<string> Chosen { get; } = ["distok", "plain_prompt"];
    string Items { get; set; } = "pig=0.5,sheep=0.5\nowl=0.5,fox=0.5\ncat=0.5,frog=0.5";
    string? ErrorMessage { get; set; }
    bool Busy { get; set; }
    List<SavedToken> Tokens { get; } = [];

    async Task<IEnumerable<SavedToken>> SearchTokensAsync(string? text, CancellationToken ct) =>
        text is { Length: > StudioLimits.MaxNameLength } ? [] : (await Library.SearchAsync(text, null, User?.Actor ?? new StudioActor(null, false), take: 20, scope: TokenScope.Usable, ct: ct)).Where(t => Tokens.All(x => x.Id != t.Id));

    void AddToken(SavedToken? token)
    {
        if (token is not null && Tokens.All(t => t.Id != token.Id)) Tokens.Add(token);
    }

    void Toggle(string method, bool on)
    {
        if (on) Chosen.Add(method);
        else Chosen.Remove(method);
    }

    async Task CreateAsync()
    {
        ErrorMessage = null;
        Busy = true;
        try
        {
            var model = DisTok.Model ?? throw new ArgumentException(DisTok.Problem);
            var lines = (Items ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var items = lines.Select((line, i) =>
            {
                try { return DistributionText.Parse(line, model).ToString(); }
                catch (ArgumentException e) { throw new ArgumentException($"item {i + 1} ('{line}'): {e.Message}"); }
            }).ToList();
            var arms = Methods.Where(m => Chosen.Contains(m.Method)).Select(m => new StudyArmDraft(m.Label, m.Method))
                .Concat(Tokens.Select(t => new StudyArmDraft(t.Name, "library_token", t.Id))).ToList();
            var study = await Studies.CreateAsync(new StudyDraft(Title, Question, Consent, Template, Judgements, Reveal, Seed, arms, items), owner: User?.Owner);
            await Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Rendering);
            Renderer.Wake();
            Navigation.NavigateTo($"/studies/{study.Id}/manage?key={study.OwnerKey}");
        }
        catch (ArgumentException e) { ErrorMessage = e.Message; }
        finally { Busy = false; }
    }
}
