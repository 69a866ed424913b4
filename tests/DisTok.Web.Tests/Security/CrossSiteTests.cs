using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DisTok.Data;
using DisTok.Data.Accounts;
using DisTok.Web.Generation;
using DisTok.Web.Security;
using DisTok.Web.Tests.Accounts;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Security;

/// <summary>Requests a page of another site could make with a signed-in administrator's cookies, on the real app: every
/// unsafe API route refuses them and nothing stored or queued changes; the studio's own clients and cookie-less scripts
/// keep working.</summary>
public class CrossSiteTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    const string Foreign = "http://attacker.localhost:5081";

    /// <summary>Every POST/PUT/PATCH/DELETE route under /api, read from the running app's endpoints, with its parameters
    /// filled in, so a route added later is attacked too.</summary>
    public static IEnumerable<object[]> UnsafeRoutes()
    {
        using var factory = new StudioAppFactory();
        var sources = factory.Services.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api", StringComparison.Ordinal) && !pattern.StartsWith("api", StringComparison.Ordinal)) continue;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                if (method is "POST" or "PUT" or "PATCH" or "DELETE")
                    yield return [method, "/" + Fill(pattern.TrimStart('/'))];
        }
    }

    static string Fill(string pattern) => Regex.Replace(pattern, @"\{(\w+)(:(\w+))?\}", m => m.Groups[3].Value switch
    {
        "guid" => Guid.NewGuid().ToString(),
        "int" => "1",
        _ => "AAAAAAAAAAAAAAAAAAAAAA",
    });

    async Task<HttpClient> SignedInAdminAsync() => (await SignInForm.NewAccountAsync(app, StudioRoles.Admin, script: false)).Http;

    /// <summary>How many rows each table holds and how many jobs wait: a refused request must leave all of it as it was.</summary>
    async Task<string> StoredStateAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var counts = new[]
        {
            await db.Tokens.CountAsync(), await db.ShareLinks.CountAsync(), await db.Rooms.CountAsync(), await db.Studies.CountAsync(),
            await db.StudyParticipants.CountAsync(), await db.StudyBattles.CountAsync(), await db.ModelVersions.CountAsync(),
            await db.ModelPromotions.CountAsync(), await db.TrainingRuns.CountAsync(),
            app.Services.GetRequiredService<GenerationQueue>().Snapshot().Count,
        };
        return string.Join(",", counts);
    }

    [Theory]
    [MemberData(nameof(UnsafeRoutes))]
    public async Task A_cross_site_form_post_with_an_admins_cookies_is_refused_and_changes_nothing(string method, string path)
    {
        using var admin = await SignedInAdminAsync();
        var before = await StoredStateAsync();

        // What a foreign page's <form method=post> sends: the cookies, a form body, its own Origin, no custom header.
        var form = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["steps"] = "10" }) };
        form.Headers.Add("Origin", Foreign);
        var response = await admin.SendAsync(form);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("may not use the studio's cookies", await response.Content.ReadAsStringAsync());

        // A same-site page whose browser sends no Origin: refused for the missing header.
        var bare = new HttpRequestMessage(new HttpMethod(method), path);
        var refused = await admin.SendAsync(bare);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(CrossSiteGuard.Header, await refused.Content.ReadAsStringAsync());

        Assert.Equal(before, await StoredStateAsync());
    }

    [Fact]
    public void Every_unsafe_api_route_is_in_the_attack_list()
    {
        var routes = UnsafeRoutes().Select(r => $"{r[0]} {r[1]}").ToList();
        Assert.True(routes.Count >= 12, string.Join("\n", routes));
        Assert.Contains(routes, r => r.StartsWith("POST /api/admin/versions/1/promote", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("DELETE /api/library/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_foreign_referer_without_origin_is_refused_too()
    {
        using var admin = await SignedInAdminAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(new { name = "x" }) };
        request.Headers.Add(CrossSiteGuard.Header, "1");
        request.Headers.Referrer = new Uri(Foreign + "/page");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_studios_own_clients_and_cookieless_scripts_still_work()
    {
        // A cookie-carrying client that sends the header from the studio's own origin.
        using var admin = await SignedInAdminAsync();
        var own = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(new { name = "own page" }) };
        own.Headers.Add(CrossSiteGuard.Header, "1");
        own.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(own)).StatusCode);

        // A script without cookies needs no header.
        using var script = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.Created, (await script.PostAsJsonAsync("/api/rooms", new { name = "script" })).StatusCode);
        // Reading is never refused.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/concepts")).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_opened_by_a_foreign_page_is_refused_and_one_from_the_studio_is_not()
    {
        var foreign = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/rooms"), o => o.Headers["Origin"] = Foreign).Build();
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => foreign.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);

        var own = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/rooms"),
            o => o.Headers["Origin"] = app.BaseAddress.GetLeftPart(UriPartial.Authority)).Build();
        await own.StartAsync();
        Assert.Equal(HubConnectionState.Connected, own.State);
        await own.DisposeAsync();

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var circuit = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        circuit.Headers.Add("Origin", Foreign);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(circuit)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_needs_the_forms_antiforgery_token()
    {
        using var admin = await SignedInAdminAsync();
        var forged = await admin.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("id=\"signed-in-as\"", await admin.GetStringAsync("/"));

        var page = await admin.GetStringAsync("/");
        var token = Regex.Match(page, "action=\"/account/logout\".*?name=\"__RequestVerificationToken\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEmpty(token);
        var signedOut = await admin.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.DoesNotContain("id=\"signed-in-as\"", await admin.GetStringAsync("/"));
    }
}
