using DisTok.Data.Validation;
using DisTok.Core.Tokens;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.ML.DisTok;
using DisTok.Web.Models;
using DisTok.Web.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Studies;

/// <summary>The background renderer with a saved-token arm: it renders, opens the study, and stops with the reason when a token is gone.</summary>
public class StudyRendererTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    async Task<(Study Study, Guid TokenId)> RenderingStudyAsync()
    {
        var model = Get<OptionalModel<DisTokModel>>().Model!;
        var saved = await Get<TokenLibrary>().SaveAsync(model.TokenFromPrior(PriorKind.Gaussian, 4, 1), "g4", null, null, null, null);
        var study = await Get<StudyStore>().CreateAsync(new StudyDraft("tokens", "q?", "ok", "a photo of a <*>", 1, false, 3,
            [new("DisTok", "distok"), new("g4", "library_token", saved.Id)], ["pig=0.5,sheep=0.5", "owl=1"]));
        await Get<StudyStore>().SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Rendering);
        return (study, saved.Id);
    }

    [Fact]
    public async Task A_saved_token_arm_renders_and_the_study_opens_by_itself()
    {
        var (study, _) = await RenderingStudyAsync();
        Get<StudyRenderer>().Wake();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((await Get<StudyStore>().GetAsync(study.Id)).Status != StudyStatus.Open) await Task.Delay(100, timeout.Token);
        Assert.Empty(await Get<StudyStore>().MissingImagesAsync(study.Id));
        Assert.Equal(new StudyRenderState(4, 4, null), Get<StudyRenderer>().StateOf(study.Id));
    }

    [Fact]
    public async Task A_deleted_token_stops_rendering_with_the_reason_and_the_study_stays_closed_to_votes()
    {
        var (study, tokenId) = await RenderingStudyAsync();
        await Get<TokenLibrary>().DeleteAsync(tokenId, StudioActor.Administrator);
        Get<StudyRenderer>().Wake();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (Get<StudyRenderer>().StateOf(study.Id)?.Problem is null) await Task.Delay(100, timeout.Token);
        Assert.Contains("no longer in the library", Get<StudyRenderer>().StateOf(study.Id)!.Problem);
        Assert.Equal(StudyStatus.Rendering, (await Get<StudyStore>().GetAsync(study.Id)).Status);
    }
}
