using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DisTok.Core.Tokens;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.Web.Identity;
using DisTok.Web.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Security;

/// <summary>Saved tokens are private to whoever saved them: another person finds them in no listing, search, API answer
/// or gallery, and reaches them only through a live share link; a public one is in the gallery for everyone.</summary>
public class PrivacyTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    TokenLibrary Library => app.Services.GetRequiredService<TokenLibrary>();

    /// <summary>A browser-like client with its own client cookie; its owner identity is <c>client:{cookie}</c>.</summary>
    (HttpClient Http, string Owner) Person()
    {
        var id = UnguessableId.New();
        var cookies = new CookieContainer();
        cookies.Add(app.BaseAddress, new Cookie(ClientCookies.ClientId, id));
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseAddress }.AsStudioScript();
        return (http, "client:" + id);
    }

    async Task<Guid> SaveAsync(string owner, string name, string notes)
    {
        var model = app.Services.GetRequiredService<OptionalModel<DisTokModel>>().Model!;
        return (await Library.SaveAsync(model.TokenFromPrior(PriorKind.Gaussian, 5, 1.0), name, notes, ["privacy"], "ann", null, owner: owner)).Id;
    }

    static async Task<List<string>> NamesAsync(HttpClient http, string query) =>
        (await http.GetFromJsonAsync<JsonElement>(query)).EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task Another_persons_private_token_is_absent_everywhere_and_reachable_only_through_a_live_share_link()
    {
        var (annHttp, ann) = Person();
        var (bobHttp, _) = Person();
        var name = $"secret-{Guid.NewGuid():N}"[..16];
        var id = await SaveAsync(ann, name, "notes only Ann should read");

        // Ann sees it; Bob finds it nowhere.
        Assert.Contains(name, await NamesAsync(annHttp, $"/api/library?text={name}"));
        Assert.DoesNotContain(name, await NamesAsync(bobHttp, $"/api/library?text={name}"));
        Assert.DoesNotContain(name, await NamesAsync(bobHttp, "/api/library?tag=privacy&take=200"));
        Assert.DoesNotContain(name, await NamesAsync(bobHttp, $"/api/library?scope=public&text={name}"));
        foreach (var path in new[] { $"/api/library/{id}", $"/api/library/{id}/token.json", $"/api/library/{id}/token.safetensors", $"/api/library/{id}/thumbnail.png" })
            Assert.Equal(HttpStatusCode.NotFound, (await bobHttp.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bobHttp.PutAsJsonAsync($"/api/library/{id}/visibility", new { @public = true })).StatusCode);
        Assert.False((await Library.GetAsync(id)).IsPublic);
        var gallery = await bobHttp.GetStringAsync("/gallery");
        Assert.DoesNotContain(name, gallery);
        Assert.DoesNotContain("notes only Ann should read", await bobHttp.GetStringAsync("/library"));

        // A share link shows exactly what it shares, until it is revoked.
        var links = app.Services.GetRequiredService<ShareLinks>();
        var link = await links.CreateForTokensAsync([id], name, owner: ann);
        var shared = await bobHttp.GetStringAsync($"/s/{link.Id}");
        Assert.Contains(name, shared);
        await links.RevokeAsync(link.Id, new StudioActor(ann, false));
        Assert.DoesNotContain(name, await bobHttp.GetStringAsync($"/s/{link.Id}"));

        // Public: in the gallery and the API for everyone; still Ann's to change.
        Assert.Equal(HttpStatusCode.OK, (await annHttp.PutAsJsonAsync($"/api/library/{id}/visibility", new { @public = true })).StatusCode);
        Assert.Contains(name, await NamesAsync(bobHttp, $"/api/library?scope=public&text={name}"));
        Assert.Contains(name, await bobHttp.GetStringAsync("/gallery"));
        Assert.Equal(HttpStatusCode.OK, (await bobHttp.GetAsync($"/api/library/{id}/token.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bobHttp.DeleteAsync($"/api/library/{id}")).StatusCode);
        Assert.DoesNotContain(name, await NamesAsync(bobHttp, $"/api/library?text={name}"));   // not in Bob's own library
    }

    [Fact]
    public async Task A_cookieless_script_gets_no_cookie_and_may_not_store_an_orphan_token()
    {
        using var script = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        var token = await script.PostAsJsonAsync("/api/tokens", new { distribution = "pig=1" });
        Assert.False(token.Headers.Contains("Set-Cookie"));
        var upload = await script.PostAsync("/api/library?name=orphan", new StringContent(await token.Content.ReadAsStringAsync(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.False(upload.Headers.Contains("Set-Cookie"));
        Assert.Contains("Nothing was stored", await upload.Content.ReadAsStringAsync());
        Assert.Empty(await Library.SearchAsync("orphan", null, StudioActor.Administrator));
    }
}
