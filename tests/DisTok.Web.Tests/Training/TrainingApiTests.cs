using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DisTok.Data.Accounts;
using DisTok.Web.Models;
using DisTok.Web.Tests.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Training;

/// <summary>
/// Training through the admin API on the real app: a short real run grows the pool, is evaluated and becomes v1; a
/// second start while it runs is refused; settings out of bounds are refused; v1 is promoted, makes the next token,
/// and a rollback serves the embedded model again. A cancelled run leaves no version.
/// </summary>
[Trait("Category", "Slow")]
public class TrainingApiTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    const string Strong = DisTok.Web.Tests.Accounts.SignInForm.StrongPassword;
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    async Task<HttpClient> AdminAsync()
    {
        using (var scope = app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
            try { await accounts.CreateAsync("trainer@lab.example", Strong, StudioRoles.Admin); }
            catch (ArgumentException) { }   // made by an earlier test of this class
        }
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress }.AsStudioScript();
        var signedIn = await SignInForm.PostAsync(http, "trainer@lab.example", Strong);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // A run an earlier test left going would refuse this test's start: wait for it.
        var deadline = DateTime.UtcNow + Patience;
        while (app.Services.GetRequiredService<DisTok.Web.Training.TrainingService>().IsActive && DateTime.UtcNow < deadline) await Task.Delay(200);
        return http;
    }

    static async Task<JsonElement> WaitForEndAsync(HttpClient http, int run)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var overview = await http.GetFromJsonAsync<JsonElement>("/api/admin/training");
            var live = overview.GetProperty("live");
            if (live.ValueKind == JsonValueKind.Object && live.GetProperty("run").GetInt32() == run
                && live.GetProperty("status").GetString() is not ("running" or "evaluating")) return live;
            await Task.Delay(200);
        }
        throw new TimeoutException($"run {run} did not end within {Patience}");
    }

    [Fact]
    public async Task A_short_run_becomes_a_version_that_can_be_promoted_and_rolled_back()
    {
        var http = await AdminAsync();
        var start = await http.PostAsJsonAsync("/api/admin/training", new { steps = 6, estimationEvery = 3, sampleEvery = 3 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        int run = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetInt32();

        var second = await http.PostAsJsonAsync("/api/admin/training", new { steps = 6 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("only one run at a time", await second.Content.ReadAsStringAsync());

        var live = await WaitForEndAsync(http, run);
        Assert.Equal("completed", live.GetProperty("status").GetString());
        Assert.Equal(6, live.GetProperty("step").GetInt32());
        Assert.True(live.GetProperty("sampleSets").GetInt32() >= 2, "sample images at steps 3 and 6");
        string label = live.GetProperty("version").GetString()!;
        Assert.Equal($"v{run}", label);

        var versions = await http.GetFromJsonAsync<JsonElement>("/api/admin/versions");
        var v = versions.EnumerateArray().Single(x => x.GetProperty("label").GetString() == label);
        Assert.False(v.GetProperty("served").GetBoolean());
        var eval = v.GetProperty("eval");
        Assert.Equal(60, eval.GetProperty("items").GetInt32());
        Assert.InRange(eval.GetProperty("supportMass").GetDouble(), 0, 1);
        Assert.True(eval.GetProperty("kl").GetDouble() >= 0);
        string sha = v.GetProperty("sha256").GetString()!;

        var promoted = await http.PostAsync($"/api/admin/versions/{run}/promote", null);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(label, app.Services.GetRequiredService<ServedDisTok>().VersionLabel);
        var token = await http.PostAsJsonAsync("/api/tokens", new { distribution = "pig=0.5,sheep=0.5" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Contains(sha, await token.Content.ReadAsStringAsync());

        var rollback = await http.PostAsync("/api/admin/versions/0/promote", null);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal("embedded", app.Services.GetRequiredService<ServedDisTok>().VersionLabel);
        var after = await http.PostAsJsonAsync("/api/tokens", new { distribution = "pig=0.5,sheep=0.5" });
        Assert.DoesNotContain(sha, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_embedded_model_is_evaluated_on_request_and_a_run_waits_for_it()
    {
        var http = await AdminAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/admin/versions/0/evaluate", null)).StatusCode);
        var busy = await http.PostAsJsonAsync("/api/admin/training", new { steps = 2 });
        if (busy.StatusCode == HttpStatusCode.Conflict) Assert.Contains("being evaluated", await busy.Content.ReadAsStringAsync());
        else await WaitForEndAsync(http, (await busy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetInt32());   // it had already ended
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/admin/versions/99/evaluate", null)).StatusCode);

        var deadline = DateTime.UtcNow + Patience;
        JsonElement embedded;
        do
        {
            await Task.Delay(200);
            embedded = (await http.GetFromJsonAsync<JsonElement>("/api/admin/versions")).EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == 0);
        }
        while (embedded.GetProperty("eval").ValueKind != JsonValueKind.Object && DateTime.UtcNow < deadline);
        Assert.Equal(60, embedded.GetProperty("eval").GetProperty("items").GetInt32());
        var folders = app.Services.GetRequiredService<VersionFolders>();
        var version = await app.Services.GetRequiredService<DisTok.Data.Stores.ModelVersions>().GetAsync(0);
        Assert.True(File.Exists(Path.Combine(folders.EvalDirectory(version), "grid", "item-0.png")));
    }

    [Theory]
    [InlineData(-1, 0, "steps must be at least 1")]
    [InlineData(10_000_000, 0, "steps must be at most 5000")]
    [InlineData(10, 50, "estimation interval (50) is longer than the run")]
    public async Task Settings_out_of_bounds_are_refused_and_start_nothing(int steps, int every, string message)
    {
        var http = await AdminAsync();
        var before = (await http.GetFromJsonAsync<JsonElement>("/api/admin/training")).GetProperty("runs").GetArrayLength();
        var response = await http.PostAsJsonAsync("/api/admin/training", new { steps, estimationEvery = every });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await http.GetFromJsonAsync<JsonElement>("/api/admin/training")).GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task A_cancelled_run_leaves_no_version_and_a_broken_promotion_is_refused()
    {
        var http = await AdminAsync();
        var start = await http.PostAsJsonAsync("/api/admin/training", new { steps = 5000, estimationEvery = 0, sampleEvery = 0 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        int run = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetInt32();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/admin/training/{run}/cancel", null)).StatusCode);
        var live = await WaitForEndAsync(http, run);
        Assert.Equal("cancelled", live.GetProperty("status").GetString());
        var versions = await http.GetFromJsonAsync<JsonElement>("/api/admin/versions");
        Assert.DoesNotContain(versions.EnumerateArray(), x => x.GetProperty("number").GetInt32() == run);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/api/admin/versions/{run}/promote", null)).StatusCode);
        var again = await http.PostAsync($"/api/admin/training/{run}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
