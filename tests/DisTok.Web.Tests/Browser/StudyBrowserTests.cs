using DisTok.Data.Entities;
using DisTok.Data.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>A study in real Chromium: the owner designs it, a participant runs through it blind, and the results page
/// updates while another participant votes.</summary>
[Trait("Category", "Browser")]
public class StudyBrowserTests(StudioAppFactory app, BrowserSession session)
    : IClassFixture<StudioAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 90_000;

    [Fact]
    public async Task An_owner_designs_a_study_a_participant_votes_blind_and_results_update_live()
    {
        // The owner signs in (creating a study needs an account), then creates a study of two arms on two items; it
        // renders and opens by itself.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DisTok.Data.Accounts.AccountAdmin>().CreateAsync("designer@lab.example", "Quiet-River-77-Stone", DisTok.Data.Accounts.StudioRoles.User);
        var owner = await session.OpenAsync(app.BaseAddress, "/studies/new");
        await Assertions.Expect(owner.Locator("#login-email")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserSession.SignInAsync(owner, "designer@lab.example", "Quiet-River-77-Stone");
        await Assertions.Expect(owner.Locator("#study-title")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserSession.WaitInteractiveAsync(owner);
        await owner.Locator("#study-title").FillAsync("Blend study");
        await owner.Locator("#study-judgements").FillAsync("2");
        await owner.Locator("#study-items").FillAsync("pig=0.5,sheep=0.5\nowl=0.5,fox=0.5");
        await owner.Locator("#study-items").PressAsync("Tab");
        await owner.Locator("#study-create").ClickAsync();
        await Assertions.Expect(owner.Locator("#study-status[data-status='Open']")).ToBeVisibleAsync(new() { Timeout = Timeout });
        var invite = (await owner.Locator("#study-invite").GetAttributeAsync("href"))!;
        var resultsUrl = (await owner.Locator("#study-results-link").GetAttributeAsync("href"))!;

        // The owner watches the results.
        var results = await session.OpenAsync(app.BaseAddress, resultsUrl);
        await Assertions.Expect(results.Locator("#results-votes")).ToHaveAttributeAsync("data-votes", "0");

        // A participant consents and votes on both battles; no arm name is on the page until the end.
        var ann = await session.OpenAsync(app.BaseAddress, invite);
        await ann.Locator("#study-start").ClickAsync();
        await Assertions.Expect(ann.Locator("#study-progress")).ToHaveTextAsync("1 of 2", new() { Timeout = Timeout });
        var main = await ann.Locator(".mud-main-content").InnerHTMLAsync();
        foreach (var arm in new[] { "DisTok", "Plain prompt", "distok", "plain_prompt" })
            Assert.DoesNotContain(arm, main);
        Assert.Matches("^/api/studies/images/[A-Za-z0-9_-]{22}$", await ann.Locator("#battle-left").GetAttributeAsync("src"));
        await ann.Locator("#vote-left").ClickAsync();
        await Assertions.Expect(ann.Locator("#study-progress")).ToHaveTextAsync("2 of 2", new() { Timeout = Timeout });
        await Assertions.Expect(results.Locator("#results-votes")).ToHaveAttributeAsync("data-votes", "1", new() { Timeout = Timeout });
        await BrowserSession.SaveScreenshotAsync(ann, "study-battle.png");
        await ann.Locator("#vote-tie").ClickAsync();
        await Assertions.Expect(ann.Locator("#study-done")).ToContainTextAsync("all 2 answers are recorded", new() { Timeout = Timeout });
        await Assertions.Expect(ann.Locator("#study-reveal")).ToContainTextAsync("DisTok");

        // Another participant votes the way the API takes votes while the results page is open: it updates by itself.
        var studyId = invite.Split('/')[^1];
        var participation = app.Services.GetRequiredService<StudyParticipation>();
        var votes = app.Services.GetRequiredService<DisTok.Web.Studies.StudyVotes>();
        var bob = await participation.JoinAsync(studyId, "127.0.0.2", "bob-browser-test");
        foreach (var b in await participation.BattlesAsync(studyId, bob))
        {
            await Task.Delay(DisTok.Web.Studies.StudyVotes.MinInterval + TimeSpan.FromMilliseconds(50));
            await votes.VoteAsync(studyId, bob, b.Id, StudyChoice.Right, 2000);
        }
        await Assertions.Expect(results.Locator("#results-votes")).ToHaveAttributeAsync("data-votes", "4", new() { Timeout = Timeout });
        await Assertions.Expect(results.Locator("#results-participants tbody tr")).ToHaveCountAsync(2);
        await BrowserSession.SaveScreenshotAsync(results, "study-results.png");

        // A reload finds Ann's finished participation; she cannot vote again.
        await ann.ReloadAsync();
        await Assertions.Expect(ann.Locator("#study-done")).ToBeVisibleAsync(new() { Timeout = Timeout });
        Assert.Equal(0, await ann.Locator("#vote-left").CountAsync());
    }

    [Fact]
    public async Task A_study_that_is_not_open_says_so_and_an_unknown_one_does_not_exist()
    {
        var studies = app.Services.GetRequiredService<StudyStore>();
        var draft = await studies.CreateAsync(new StudyDraft("Draft", "q?", "ok", "a photo of a <*>", 1, false, 0,
            [new("a", "distok"), new("b", "plain_prompt")], ["pig=1"]));
        var page = await session.OpenAsync(app.BaseAddress, $"/study/{draft.Id}");
        await Assertions.Expect(page.Locator("#study-not-open")).ToContainTextAsync("not open yet", new() { Timeout = Timeout });
        var unknown = await session.OpenAsync(app.BaseAddress, "/study/AAAAAAAAAAAAAAAAAAAAAA");
        await Assertions.Expect(unknown.Locator("#study-not-found")).ToBeVisibleAsync(new() { Timeout = Timeout });
    }
}
