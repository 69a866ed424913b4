using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DisTok.Data.Accounts;
using DisTok.Web.Generation;
using DisTok.Web.Tests.Accounts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Security;

/// <summary>Personal API tokens on the real app: a script without cookies acts as its account — owns, lists and deletes
/// what it uploads, creates studies, queues in the account's share over a hub — until the token is revoked.</summary>
public class ApiTokenTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    async Task<string> TokenForNewAccountAsync()
    {
        using var browser = (await SignInForm.NewAccountAsync(app, StudioRoles.User)).Http;
        var made = await browser.PostAsJsonAsync("/api/account/tokens", new { name = "notebook" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var token = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        Assert.StartsWith(ApiKeys.Prefix, token);
        var listed = await browser.GetStringAsync("/api/account/tokens");
        Assert.Contains("notebook", listed);
        Assert.DoesNotContain(token, listed);   // the secret is shown once
        return token;
    }

    HttpClient Script(string token)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task A_script_with_a_token_owns_what_it_uploads_and_loses_access_when_the_token_is_revoked()
    {
        var token = await TokenForNewAccountAsync();
        using var script = Script(token);
        var json = await (await script.PostAsJsonAsync("/api/tokens", new { distribution = "owl=0.5,fox=0.5" })).Content.ReadAsStringAsync();
        var up = await script.PostAsync("/api/library?name=by-token", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, up.StatusCode);
        Assert.False(up.Headers.Contains("Set-Cookie"));
        var id = JsonDocument.Parse(await up.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.Contains("by-token", await script.GetStringAsync("/api/library"));

        var study = await script.PostAsJsonAsync("/api/studies", new { title = "t", question = "q", consent = "c", arms = new[] { "distok", "plain_prompt" }, items = new[] { "pig=1" } });
        Assert.Equal(HttpStatusCode.Created, study.StatusCode);

        // Revoked: the same token signs in nothing any more.
        var keyId = JsonDocument.Parse(await script.GetStringAsync("/api/account/tokens")).RootElement.EnumerateArray().First().GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await script.DeleteAsync($"/api/account/tokens/{keyId}")).StatusCode);
        var refused = await script.DeleteAsync($"/api/library/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("dtk_")]
    [InlineData("dtk_AAAAAAAAAAAAAAAAAAAAAA_wrong-secret")]
    [InlineData("dtk_AAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_malformed_or_unknown_token_gets_401_with_the_reason_and_stores_nothing(string token)
    {
        using var script = Script(token);
        var answer = await script.PostAsJsonAsync("/api/rooms", new { name = "should not exist" });
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("API token", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_hub_connection_with_a_token_queues_in_the_accounts_share()
    {
        var token = await TokenForNewAccountAsync();
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/generation"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
        await hub.StartAsync();
        var queue = app.Services.GetRequiredService<GenerationQueue>();
        var running = new TaskCompletionSource();
        var blocker = queue.Enqueue(new DisTok.Core.Backbone.GenerationRequest("a photo of a cat", 1, queue.Capabilities.MaxSteps), new JobOrigin("blocker"),
            j => { if (j.Status != GenerationStatus.Queued) running.TrySetResult(); });
        await running.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var id = Guid.Parse(await hub.InvokeAsync<string>("Submit", "pig=1", "a photo of a <*>", 1, 2));
        Assert.StartsWith("account:", queue.Find(id)!.Origin.Payer);
        queue.Cancel(blocker.Id, "blocker");
        await hub.DisposeAsync();
    }
}
