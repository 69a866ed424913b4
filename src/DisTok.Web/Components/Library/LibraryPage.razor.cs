using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Identity;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Library;

/// <summary>
/// The token library: search by text and tag, edit, delete, download (JSON or .safetensors), upload, and share one
/// token or a selection by link; the links made so far are listed and can be revoked.
/// </summary>
public partial class LibraryPage
{
    [Inject] TokenLibrary Library { get; set; } = default!;
    [Inject] ShareLinks ShareLinks { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] ModelVersions Versions { get; set; } = default!;
    [Inject] Models.ServedDisTok Served { get; set; } = default!;

    Dictionary<string, string> VersionBySha { get; set; } = [];
    [CascadingParameter] StudioUser? User { get; set; }

    /// <summary>Who is asking: only a token's (or link's) maker, or an administrator, may change it.</summary>
    StudioActor Actor => User?.Actor ?? new StudioActor(null, false);

    string? Text { get; set; }
    string? Tag { get; set; }
    IReadOnlyList<SavedToken>? Tokens { get; set; }
    IReadOnlyList<ShareLink> Links { get; set; } = [];
    HashSet<Guid> Selected { get; } = [];
    string? ErrorMessage { get; set; }
    string? NewLink { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await SearchAsync();
        Links = await ShareLinks.ListAsync(Actor);
        VersionBySha = (await Versions.ListAsync()).GroupBy(v => v.Sha256).ToDictionary(g => g.Key, g => g.First().Label);
    }

    // "made by v2" for the served version's tokens; others are flagged: rooms re-decode them from their source.
    string MadeBy(SavedToken token)
    {
        var made = VersionBySha.TryGetValue(token.ModelSha256, out var label) ? $"made by {label}" : $"made by model {token.ModelVersion} (not in this studio)";
        return token.ModelSha256 == Served.Model?.Stamp.Sha256 ? made : $"{made}, not the served version: rooms re-decode it from its source";
    }

    async Task SearchAsync()
    {
        try
        {
            Tokens = await Library.SearchAsync(Text, Tag, Actor, take: 200);
            Selected.IntersectWith(Tokens.Select(t => t.Id));
        }
        catch (StudioValidationException e) { ShowError(e.Message); }
    }

    void Select(Guid id, bool on)
    {
        if (on) Selected.Add(id);
        else Selected.Remove(id);
    }

    async Task ShareSelectedAsync()
    {
        var ids = Tokens!.Where(t => Selected.Contains(t.Id)).Select(t => t.Id).ToList();
        await Guard(async () =>
        {
            var link = await ShareLinks.CreateForTokensAsync(ids, ids.Count == 1 ? "a token" : $"{ids.Count} tokens", owner: User?.Owner);
            await SharedAsync($"/s/{link.Id}");
        });
    }

    async Task SharedAsync(string link)
    {
        NewLink = link;
        Links = await ShareLinks.ListAsync(Actor);
    }

    async Task ChangedAsync(Guid id)
    {
        ErrorMessage = null;
        await SearchAsync();
    }

    async Task RevokeAsync(string id)
    {
        await Guard(async () =>
        {
            await ShareLinks.RevokeAsync(id, Actor);
            Links = await ShareLinks.ListAsync(Actor);
        });
    }

    void ShowError(string message) => ErrorMessage = message;

    async Task Guard(Func<Task> action) => ErrorMessage = await PageActions.RunAsync(action);
}
