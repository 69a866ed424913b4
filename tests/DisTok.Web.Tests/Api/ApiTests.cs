using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DisTok.Core.Tokens;
using DisTok.Data.Stores;
using DisTok.Web.Api;
using DisTok.Web.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Api;

/// <summary>The REST API on the real app (Kestrel, SQLite file): renders, tokens, library up/download, and bad input.</summary>
public class ApiTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    /// <summary>A script that keeps a browser session's client cookie (what it saves is private to that cookie).</summary>
    HttpClient Client()
    {
        var cookies = new System.Net.CookieContainer();
        cookies.Add(app.BaseAddress, new System.Net.Cookie(DisTok.Web.Identity.ClientCookies.ClientId, DisTok.Data.Validation.UnguessableId.New()));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(1) }.AsStudioScript();
    }

    GenerationQueue Queue => app.Services.GetRequiredService<GenerationQueue>();

    TokenLibrary Library => app.Services.GetRequiredService<TokenLibrary>();

    static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    static async Task<string> ProblemDetail(HttpResponseMessage response) => (await Json(response)).GetProperty("detail").GetString()!;

    async Task<JsonElement> UntilFinishedAsync(HttpClient http, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var view = await http.GetFromJsonAsync<JsonElement>($"/api/generations/{id}", timeout.Token);
            if (view.GetProperty("status").GetString() is "done" or "failed" or "cancelled") return view;
            await Task.Delay(50, timeout.Token);
        }
    }

    [Fact]
    public async Task A_script_submits_a_distribution_polls_it_and_downloads_the_png()
    {
        using var http = Client();
        var response = await http.PostAsJsonAsync("/api/generations", new { distribution = "pig=1.1,sheep=1.1", template = "a drawing of a <*>", seed = 5, steps = 3 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await Json(response);
        var id = queued.GetProperty("id").GetString()!;
        Assert.Equal($"/api/generations/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("pig=0.5,sheep=0.5", queued.GetProperty("distribution").GetString());
        Assert.True(queued.GetProperty("normalised").GetBoolean());

        var done = await UntilFinishedAsync(http, id);
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(3, done.GetProperty("step").GetInt32());
        Assert.Equal(5, done.GetProperty("seed").GetInt32());
        var png = await http.GetByteArrayAsync(done.GetProperty("imageUrl").GetString());
        Assert.Equal(PngSignature, png[..4]);
    }

    [Theory]
    [InlineData("pig=-0.5,sheep=1.5", "negative")]
    [InlineData("pig=NaN", "NaN")]
    [InlineData("pig=0.5,grizzlecorn=0.5", "grizzlecorn")]
    [InlineData("pig=0,sheep=0", "zero")]
    [InlineData("", "empty")]
    public async Task Malformed_distributions_get_a_400_with_the_reason_and_nothing_is_queued(string distribution, string reason)
    {
        using var http = Client();
        int depth = Queue.Depth;
        var response = await http.PostAsJsonAsync("/api/generations", new { distribution });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await ProblemDetail(response), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(depth, Queue.Depth);
    }

    [Fact]
    public async Task Hundreds_of_entries_a_bad_template_and_no_body_are_refused()
    {
        using var http = Client();
        var many = string.Join(",", Enumerable.Range(0, 300).Select(i => $"pig{i}=1"));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/generations", new { distribution = many })).StatusCode);
        var template = await http.PostAsJsonAsync("/api/generations", new { distribution = "pig=1", template = "no placeholder" });
        Assert.Equal(HttpStatusCode.BadRequest, template.StatusCode);
        Assert.Contains("<*>", await ProblemDetail(template));
        var empty = await http.PostAsync("/api/generations", new StringContent("", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task A_flood_from_one_client_gets_429_with_the_limit_and_its_jobs_can_be_cancelled()
    {
        using var http = Client();
        var ids = new List<string>();
        int steps = Queue.Capabilities.MaxSteps;
        for (int i = 0; i < StudioAppFactory.MaxJobsPerClient; i++)
        {
            var ok = await http.PostAsJsonAsync("/api/generations", new { distribution = "pig=1", seed = i, steps });
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
            ids.Add((await Json(ok)).GetProperty("id").GetString()!);
        }
        var refused = await http.PostAsJsonAsync("/api/generations", new { distribution = "pig=1", steps });
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Contains($"at most {StudioAppFactory.MaxJobsPerClient} per person", await ProblemDetail(refused));

        foreach (var id in ids) Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync($"/api/generations/{id}")).StatusCode);
        foreach (var id in ids) Assert.Equal("cancelled", (await UntilFinishedAsync(http, id)).GetProperty("status").GetString());
        var image = await http.GetAsync($"/api/generations/{ids[0]}/image");
        Assert.Equal(HttpStatusCode.Conflict, image.StatusCode);
        Assert.Contains("cancelled", await ProblemDetail(image));
    }

    [Fact]
    public async Task Unknown_generation_ids_are_404()
    {
        using var http = Client();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/generations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/generations/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task Tokens_come_from_distributions_and_priors_and_say_when_weights_were_normalised()
    {
        using var http = Client();
        var fromDist = await http.PostAsJsonAsync("/api/tokens", new { distribution = "pig=2,sheep=2", name = "pigsheep" });
        Assert.Equal(HttpStatusCode.OK, fromDist.StatusCode);
        Assert.Contains("summed to 4", fromDist.Headers.GetValues(TokenEndpoints.NormalisedHeader).Single());
        var token = TokenFile.FromJson(await fromDist.Content.ReadAsStringAsync(), TokenExpectations());
        Assert.Equal("distribution", token.Source.Kind);
        Assert.Equal(0.5, token.Source.Distribution!["pig"], 6);

        var a = await (await http.PostAsJsonAsync("/api/tokens", new { prior = "cauchy", seed = 3, temperature = 0.7 })).Content.ReadAsStringAsync();
        var b = await (await http.PostAsJsonAsync("/api/tokens", new { prior = "cauchy", seed = 3, temperature = 0.7 })).Content.ReadAsStringAsync();
        Assert.Equal(TokenFile.FromJson(a, TokenExpectations()).Vector, TokenFile.FromJson(b, TokenExpectations()).Vector);

        var both = await http.PostAsJsonAsync("/api/tokens", new { distribution = "pig=1", prior = "gaussian" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        var badPrior = await http.PostAsJsonAsync("/api/tokens", new { prior = "uniform" });
        Assert.Contains("unknown prior 'uniform'", await ProblemDetail(badPrior));
        var hot = await http.PostAsJsonAsync("/api/tokens", new { prior = "gaussian", temperature = -1 });
        Assert.Contains("temperature", await ProblemDetail(hot));
    }

    [Fact]
    public async Task A_token_file_uploads_into_the_library_and_downloads_again_in_both_formats()
    {
        using var http = Client();
        var json = await (await http.PostAsJsonAsync("/api/tokens", new { distribution = "owl=0.5,fox=0.5", name = "owlfox" })).Content.ReadAsStringAsync();
        var up = await http.PostAsync("/api/library?tags=night,%20Forest&notes=%3Cb%3Ehi%3C/b%3E", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, up.StatusCode);
        var saved = await Json(up);
        Assert.Equal("owlfox", saved.GetProperty("name").GetString());
        Assert.Equal(["forest", "night"], saved.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        var id = saved.GetProperty("id").GetString()!;

        var downloaded = await http.GetAsync($"/api/library/{id}/token.json");
        Assert.Equal("owlfox.json", downloaded.Content.Headers.ContentDisposition!.FileName);
        var original = TokenFile.FromJson(json, TokenExpectations());
        Assert.Equal(original.Vector, TokenFile.FromJson(await downloaded.Content.ReadAsStringAsync(), TokenExpectations()).Vector);

        var st = await http.GetByteArrayAsync($"/api/library/{id}/token.safetensors");
        var again = await http.PostAsync("/api/library?name=second", new ByteArrayContent(st));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var secondId = Guid.Parse((await Json(again)).GetProperty("id").GetString()!);
        Assert.Equal(original.Vector, (await Library.GetAsync(secondId)).ToCreativeToken().Vector);

        var listed = await http.GetFromJsonAsync<JsonElement>("/api/library?tag=night");
        Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/library/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/library/{id}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_uploader_deletes_a_token_others_get_403_and_it_stays()
    {
        using var owner = Client();
        using var other = Client();
        var json = await (await owner.PostAsJsonAsync("/api/tokens", new { distribution = "pig=0.5,owl=0.5" })).Content.ReadAsStringAsync();
        // Made by another version of DisTok (same text encoder): accepted, and it keeps the stamp of the model that made it.
        var otherVersion = json.Replace(app.Services.GetRequiredService<Models.OptionalModel<ML.DisTok.DisTokModel>>().Model!.Stamp.Sha256, new string('c', 64));
        var up = await owner.PostAsync("/api/library?name=mine", new StringContent(otherVersion, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, up.StatusCode);
        var id = (await Json(up)).GetProperty("id").GetString()!;

        Assert.Equal(new string('c', 64), (await Library.GetAsync(Guid.Parse(id))).ModelSha256);

        // Private: to another client it does not exist, so deleting it is "not found" and reveals nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/library/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/library/{id}")).StatusCode);
        // Public: others see it but still may not delete it.
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/library/{id}/visibility", new { @public = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/library/{id}")).StatusCode);
        var refused = await other.DeleteAsync($"/api/library/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("only whoever made this token", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/library/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/library/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_uploads_are_refused_with_the_reason_and_nothing_is_stored()
    {
        using var http = Client();
        int before = (await Library.SearchAsync(null, null, DisTok.Data.Validation.StudioActor.Administrator, take: 200)).Count;
        var garbage = await http.PostAsync("/api/library", new StringContent("{\"format\":\"distok-token/1\"", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("the uploaded token file", await ProblemDetail(garbage));

        var huge = await http.PostAsync("/api/library", new ByteArrayContent(new byte[TokenFile.MaxBytes + 10]));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("at most", await ProblemDetail(huge));

        var json = await (await http.PostAsJsonAsync("/api/tokens", new { distribution = "pig=1" })).Content.ReadAsStringAsync();
        var longName = await http.PostAsync($"/api/library?name={new string('n', 101)}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        var foreign = json.Replace("all-MiniLM-L6-v2", "another-text-encoder");
        var wrongSpace = await http.PostAsync("/api/library", new StringContent(foreign, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongSpace.StatusCode);
        Assert.Contains("another-text-encoder", await ProblemDetail(wrongSpace));

        Assert.Equal(before, (await Library.SearchAsync(null, null, DisTok.Data.Validation.StudioActor.Administrator, take: 200)).Count);
    }

    [Fact]
    public async Task A_script_creates_a_room_and_reads_it_back_and_bad_names_or_ids_are_refused()
    {
        using var http = Client();
        var created = await http.PostAsJsonAsync("/api/rooms", new { name = "script room", template = "a sketch of a <*>" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{22}$", id);
        var state = await http.GetFromJsonAsync<JsonElement>($"/api/rooms/{id}");
        Assert.Equal("a sketch of a <*>", state.GetProperty("template").GetString());
        Assert.Equal(0, state.GetProperty("weights").GetArrayLength());
        var rooms = app.Services.GetRequiredService<RoomStore>();
        foreach (var seed in new[] { 7, 8 })
            await rooms.AddImageAsync(id, new DisTok.Data.Entities.RoomImage
            {
                Seed = seed, Steps = 4, Guidance = 3, Template = "a sketch of a <*>", DistributionText = "pig=1", ModelVersion = "distok test",
                Png = DisTok.ML.Imaging.RgbImage.EncodePng(new byte[3], 1, 1), CreatedBy = "ann",
            });
        var history = await http.GetFromJsonAsync<JsonElement>($"/api/rooms/{id}/images?take=1");
        Assert.Equal((1, 8, "pig=1", "ann"), (history.GetArrayLength(), history[0].GetProperty("seed").GetInt32(),
            history[0].GetProperty("distribution").GetString(), history[0].GetProperty("createdBy").GetString()));
        Assert.Equal(2, (await http.GetFromJsonAsync<JsonElement>($"/api/rooms/{id}/images")).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/rooms/{id}/images?take=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/images")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/rooms", new { name = new string('n', 101) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/rooms", new { template = "no placeholder" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/rooms/x")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints_and_the_reference_page_is_served()
    {
        using var http = Client();
        var doc = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/generations", paths);
        Assert.Contains("/api/generations/{id}/image", paths);
        Assert.Contains("/api/library/{id}/token.safetensors", paths);
        Assert.Contains("/api/tokens", paths);
        var page = await http.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("DisTok Studio API", html);
        // The reference's script is served by the app itself (no network needed).
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"([^\"]*scalar[^\"]*\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        Assert.False(script.StartsWith("http", StringComparison.Ordinal), script);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(new Uri(app.BaseAddress, "/api/reference/"), script))).StatusCode);
    }

    TokenExpectations TokenExpectations() =>
        app.Services.GetRequiredService<Models.OptionalModel<ML.DisTok.DisTokModel>>().Model!.Expectations;
}
