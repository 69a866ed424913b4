using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Studies;

/// <summary>A study end to end on the real app: created over the API, rendered by the background service through the
/// queue, opened, joined and voted on by scripts, with results and exports; bad votes change nothing.</summary>
public class StudyApiTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    HttpClient Client() => new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) }.AsStudioScript();

    /// <summary>A script signed in to a new account (creating a study needs one).</summary>
    async Task<HttpClient> OwnerAsync() =>
        (await DisTok.Web.Tests.Accounts.SignInForm.NewAccountAsync(app, DisTok.Data.Accounts.StudioRoles.User)).Http;

    static async Task<JsonElement> Json(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();

    static async Task<string> Detail(HttpResponseMessage r) => (await Json(r)).GetProperty("detail").GetString()!;

    async Task<(string Id, string Key)> OpenStudyAsync(HttpClient http, int judgements = 3)
    {
        var created = await http.PostAsJsonAsync("/api/studies", new
        {
            title = "API study", question = "Which is the better blend?", consent = "I agree.",
            arms = new[] { "distok", "plain_prompt", "embedding_mean" }, items = new[] { "pig=1,sheep=1", "owl=0.5,fox=0.5" },
            judgementsPerParticipant = judgements,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json(created);
        var (id, key) = (body.GetProperty("id").GetString()!, body.GetProperty("ownerKey").GetString()!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>($"/api/studies/{id}?key={key}", timeout.Token);
            Assert.True(status.GetProperty("problem").ValueKind == JsonValueKind.Null, status.ToString());
            if (status.GetProperty("status").GetString() == "open")
            {
                Assert.Equal(6, status.GetProperty("imagesDone").GetInt32());
                return (id, key);
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task A_study_renders_opens_and_takes_blind_votes_that_show_in_results_and_exports()
    {
        using var http = await OwnerAsync();
        var (id, key) = await OpenStudyAsync(http);
        var joined = await Json(await http.PostAsJsonAsync($"/api/studies/{id}/participants", new { clientKey = "script-1" }));
        var participant = joined.GetProperty("participantId").GetString()!;
        var battles = joined.GetProperty("battles").EnumerateArray().ToList();
        Assert.Equal(3, battles.Count);
        foreach (var b in battles)
        {
            var url = b.GetProperty("leftImageUrl").GetString()!;
            Assert.Matches("^/api/studies/images/[A-Za-z0-9_-]{22}$", url);   // nothing about the arm
            Assert.Equal([0x89, (byte)'P'], (await http.GetByteArrayAsync(url))[..2]);
        }
        // The same client key gets the same participation back.
        Assert.Equal(participant, (await Json(await http.PostAsJsonAsync($"/api/studies/{id}/participants", new { clientKey = "script-1" }))).GetProperty("participantId").GetString());

        string[] choices = ["left", "right", "tie"];
        for (int i = 0; i < 3; i++)
        {
            if (i > 0) await Task.Delay(250);
            var vote = await http.PostAsJsonAsync($"/api/studies/{id}/votes", new { participantId = participant, battleId = battles[i].GetProperty("id").GetString(), choice = choices[i], responseMs = 1200 });
            Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        }
        var results = await http.GetFromJsonAsync<JsonElement>($"/api/studies/{id}/results?key={key}");
        Assert.Equal(3, results.GetProperty("votes").GetInt32());
        Assert.Equal(3, results.GetProperty("strengths").GetArrayLength());
        var csv = await http.GetStringAsync($"/api/studies/{id}/votes.csv?key={key}");
        Assert.Equal(4, csv.Trim().Split('\n').Length);
        Assert.Contains("tie", csv);
        // Its maker (this client's cookie) reads the results without the key; a stranger needs the right key.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/studies/{id}/results")).StatusCode);
        using var stranger = Client();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/studies/{id}/results?key=AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/studies/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"/api/studies/{id}/results?key={key}")).StatusCode);
    }

    [Fact]
    public async Task Repeated_forged_tampered_too_fast_and_closed_votes_are_refused_and_record_nothing()
    {
        using var http = await OwnerAsync();
        var (id, key) = await OpenStudyAsync(http);
        var ann = await Json(await http.PostAsJsonAsync($"/api/studies/{id}/participants", new { clientKey = "ann" }));
        var bob = await Json(await http.PostAsJsonAsync($"/api/studies/{id}/participants", new { clientKey = "bob" }));
        string annId = ann.GetProperty("participantId").GetString()!, bobId = bob.GetProperty("participantId").GetString()!;
        string annBattle = ann.GetProperty("battles")[0].GetProperty("id").GetString()!, bobBattle = bob.GetProperty("battles")[0].GetProperty("id").GetString()!;

        async Task<(HttpStatusCode, string)> Vote(string p, string b, string choice = "left")
        {
            var r = await http.PostAsJsonAsync($"/api/studies/{id}/votes", new { participantId = p, battleId = b, choice });
            return (r.StatusCode, r.IsSuccessStatusCode ? "" : await Detail(r));
        }

        Assert.Equal(HttpStatusCode.OK, (await Vote(annId, annBattle)).Item1);
        await Task.Delay(250);
        var repeated = await Vote(annId, annBattle, "right");
        Assert.Equal((HttpStatusCode.BadRequest, true), (repeated.Item1, repeated.Item2.Contains("already answered")));
        await Task.Delay(250);
        Assert.Equal(HttpStatusCode.NotFound, (await Vote(annId, bobBattle)).Item1);                       // not hers
        await Task.Delay(250);
        Assert.Equal(HttpStatusCode.NotFound, (await Vote("AAAAAAAAAAAAAAAAAAAAAA", annBattle)).Item1);    // forged participant
        Assert.Equal(HttpStatusCode.NotFound, (await Vote(bobId, "tampered-battle-id")).Item1);
        await Task.Delay(250);
        Assert.Contains("choice must be", (await Vote(bobId, bobBattle, "middle")).Item2);
        var fast1 = await Vote(bobId, bob.GetProperty("battles")[1].GetProperty("id").GetString()!);
        var fast2 = await Vote(bobId, bob.GetProperty("battles")[2].GetProperty("id").GetString()!);
        Assert.Equal(HttpStatusCode.OK, fast1.Item1);
        Assert.Contains("too fast", fast2.Item2);

        var study = app.Services.GetRequiredService<StudyStore>();
        await study.SetStatusAsync(id, key, StudyStatus.Closed);
        await Task.Delay(250);
        Assert.Contains("closed", (await Vote(bobId, bobBattle)).Item2);
        Assert.Equal(2, (await app.Services.GetRequiredService<StudyParticipation>().VotesAsync(id)).Count);
    }

    [Fact]
    public async Task Bad_study_definitions_are_refused_with_the_reason()
    {
        using var http = await OwnerAsync();
        var unknown = await http.PostAsJsonAsync("/api/studies", new { title = "t", question = "q", consent = "c", arms = new[] { "distok", "plain_prompt" }, items = new[] { "pig=1,grizzlecorn=1" } });
        Assert.Contains("item 1", await Detail(unknown));
        var oneArm = await http.PostAsJsonAsync("/api/studies", new { title = "t", question = "q", consent = "c", arms = new[] { "distok" }, items = new[] { "pig=1" } });
        Assert.Contains("2 to 8 arms", await Detail(oneArm));
        var longQuestion = await http.PostAsJsonAsync("/api/studies", new { title = "t", question = new string('q', 301), consent = "c", arms = new[] { "distok", "plain_prompt" }, items = new[] { "pig=1" } });
        Assert.Equal(HttpStatusCode.BadRequest, longQuestion.StatusCode);
    }

    [Fact]
    public async Task Creating_a_study_needs_an_account_and_an_oversized_definition_is_refused_before_it_is_read()
    {
        int before = await StudyCountAsync();
        using var anonymous = Client();
        var refused = await anonymous.PostAsJsonAsync("/api/studies", new { title = "t", question = "q", consent = "c", arms = new[] { "distok", "plain_prompt" }, items = new[] { "pig=1" } });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("needs an account", await Detail(refused));

        using var owner = await OwnerAsync();
        var tooMany = await owner.PostAsJsonAsync("/api/studies", new
        {
            title = "t", question = "q", consent = "c", arms = new[] { "distok", "plain_prompt" },
            items = Enumerable.Repeat("not even a distribution", DisTok.Data.Validation.StudyLimits.MaxItems + 1).ToArray(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains($"1 to {DisTok.Data.Validation.StudyLimits.MaxItems} items, got {DisTok.Data.Validation.StudyLimits.MaxItems + 1}", await Detail(tooMany));

        var huge = new StringContent("{\"title\":\"" + new string('x', (int)DisTok.Web.Api.StudyEndpoints.MaxCreationBytes) + "\"}", System.Text.Encoding.UTF8, "application/json");
        var tooLarge = await owner.PostAsync("/api/studies", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, await StudyCountAsync());
    }

    async Task<int> StudyCountAsync()
    {
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DisTok.Data.StudioDbContext>>().CreateDbContextAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Studies);
    }
}

