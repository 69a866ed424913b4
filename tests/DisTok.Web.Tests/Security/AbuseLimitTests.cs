using System.Net;
using System.Net.Http.Json;
using DisTok.Core.Backbone;
using DisTok.Data;
using DisTok.Data.Accounts;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Generation;
using DisTok.Web.Hubs;
using DisTok.Web.Security;
using DisTok.Web.Tests.Accounts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Security;

/// <summary>The app with the shared limits set low: at most <see cref="PerAddress"/> jobs per address and per account, and
/// small rate-limit windows.</summary>
public sealed class AbuseAppFactory : StudioAppFactory
{
    public const int PerAddress = 5, PerAccount = 2, SignIns = 3, Stores = 4, Connections = 16;

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        ("Studio:MaxJobsPerAddress", PerAddress.ToString()), ("Studio:MaxJobsPerAccount", PerAccount.ToString()),
        ("RateLimits:SignIn:Permits", SignIns.ToString()), ("RateLimits:Store:Permits", Stores.ToString()),
        ("RateLimits:Connect:Permits", Connections.ToString()), ("RateLimits:Connect:WindowSeconds", "3600"),
    ];
}

/// <summary>One client address trying to take the shared queue or the server for itself, on the real app. Every test
/// speaks from its own documentation address (X-Forwarded-For through the loopback proxy, as behind a real one), so the
/// limits it fills are its own.</summary>
public class AbuseLimitTests(AbuseAppFactory app) : IClassFixture<AbuseAppFactory>
{
    const string Strong = DisTok.Web.Tests.Accounts.SignInForm.StrongPassword;
    static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);

    GenerationQueue Queue => app.Services.GetRequiredService<GenerationQueue>();

    HttpClient From(string address, bool cookies = false)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = cookies, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return http;
    }

    /// <summary>A long job of an unrelated owner that keeps the worker busy, so everything else waits.</summary>
    async Task<GenerationJob> BlockerAsync()
    {
        var running = new TaskCompletionSource();
        var job = Queue.Enqueue(new GenerationRequest("a photo of a cat", 1, Queue.Capabilities.MaxSteps), new JobOrigin("blocker-" + Guid.NewGuid()),
            j => { if (j.Status != GenerationStatus.Queued) running.TrySetResult(); });
        await running.Task.WaitAsync(Wait);
        return job;
    }

    /// <summary>An API render request that carries a brand-new client cookie, as a client rotating cookies sends it.</summary>
    static HttpRequestMessage FreshCookieSubmit(int seed)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/generations") { Content = JsonContent.Create(new { distribution = "pig=1", seed, steps = 2 }) };
        request.Headers.Add("Cookie", $"distok-client={UnguessableId.New()}");
        request.Headers.Add(CrossSiteGuard.Header, "1");
        return request;
    }

    void CancelAll(IEnumerable<GenerationJob> jobs)
    {
        foreach (var job in jobs) Queue.Cancel(job.Id, job.Origin.Owner);
    }

    [Fact]
    public async Task Rotating_cookies_does_not_get_one_address_past_its_share_and_others_still_get_in()
    {
        var blocker = await BlockerAsync();
        using var attacker = From("203.0.113.10");
        var answers = new List<HttpResponseMessage>();
        for (int i = 0; i < AbuseAppFactory.PerAddress + 5; i++) answers.Add(await attacker.SendAsync(FreshCookieSubmit(i)));

        Assert.Equal(AbuseAppFactory.PerAddress, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.All(refused, a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.All(refused, a => Assert.True(a.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        Assert.Contains("network address already has", await refused[0].Content.ReadAsStringAsync());
        Assert.Equal(AbuseAppFactory.PerAddress, Queue.Snapshot().Count(j => j.Origin.Payer == "address:203.0.113.10"));

        using var honest = From("198.51.100.20");
        var mine = await honest.SendAsync(FreshCookieSubmit(1));
        Assert.Equal(HttpStatusCode.Accepted, mine.StatusCode);
        CancelAll(Queue.Snapshot().Where(j => j.Origin.Payer is "address:203.0.113.10" or "address:198.51.100.20"));
        CancelAll([blocker]);
    }

    [Fact]
    public async Task Many_hub_connections_from_one_address_share_its_limit()
    {
        var blocker = await BlockerAsync();
        var hubs = new List<HubConnection>();
        for (int i = 0; i < AbuseAppFactory.PerAddress + 1; i++)
        {
            var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/generation"), o => o.Headers["X-Forwarded-For"] = "203.0.113.11").Build();
            await hub.StartAsync();
            hubs.Add(hub);
        }
        for (int i = 0; i < AbuseAppFactory.PerAddress; i++)
            await hubs[i].InvokeAsync<string>("Submit", "pig=1", "a photo of a <*>", i, 2);
        var e = await Assert.ThrowsAsync<HubException>(() => hubs[^1].InvokeAsync<string>("Submit", "pig=1", "a photo of a <*>", 9, 2));
        Assert.Contains("network address already has", e.Message);
        foreach (var hub in hubs) await hub.DisposeAsync();
        using (var timeout = new CancellationTokenSource(Wait))
            while (Queue.Snapshot().Any(j => j.Origin.Payer == "address:203.0.113.11")) await Task.Delay(20, timeout.Token);
        CancelAll([blocker]);
    }

    [Fact]
    public async Task A_room_hub_connection_that_leaves_takes_its_waiting_jobs_with_it()
    {
        var blocker = await BlockerAsync();
        var room = await app.Services.GetRequiredService<RoomStore>().CreateAsync("leaving", "a photo of a <*>");
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/rooms"), o => o.Headers["X-Forwarded-For"] = "203.0.113.12").Build();
        await hub.StartAsync();
        await hub.InvokeAsync<RoomState>("Join", room.Id, "leaver");
        await hub.InvokeAsync<long>("SetWeight", "fox", 50.0);
        var jobs = new List<GenerationJob>();
        for (int i = 0; i < 3; i++) jobs.Add(Queue.Find(Guid.Parse(await hub.InvokeAsync<string>("Generate", i, 2)))!);
        Assert.All(jobs, j => Assert.Equal(GenerationStatus.Queued, j.Status));

        await hub.DisposeAsync();
        await Task.WhenAll(jobs.Select(j => j.Finished)).WaitAsync(Wait);
        Assert.All(jobs, j => Assert.Equal(GenerationStatus.Cancelled, j.Status));
        CancelAll([blocker]);
    }

    [Fact]
    public async Task A_signed_in_account_has_its_own_share_apart_from_its_address()
    {
        var blocker = await BlockerAsync();
        using var anonymous = From("203.0.113.13");
        for (int i = 0; i < AbuseAppFactory.PerAddress; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await anonymous.SendAsync(FreshCookieSubmit(i))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.SendAsync(FreshCookieSubmit(99))).StatusCode);

        var email = $"s{Guid.NewGuid():N}"[..12] + "@lab.example";
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync(email, Strong, StudioRoles.User);
        using var account = From("203.0.113.13", cookies: true).AsStudioScript();
        await SignInForm.PostAsync(account, email, Strong, "/");
        var answers = new List<HttpStatusCode>();
        for (int i = 0; i < AbuseAppFactory.PerAccount + 2; i++)
            answers.Add((await account.PostAsJsonAsync("/api/generations", new { distribution = "pig=1", seed = i, steps = 2 })).StatusCode);
        Assert.Equal(AbuseAppFactory.PerAccount, answers.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(2, answers.Count(s => s == HttpStatusCode.TooManyRequests));
        CancelAll(Queue.Snapshot().Where(j => j.Origin.Payer is { } p && (p == "address:203.0.113.13" || p.StartsWith("account:"))));
        CancelAll([blocker]);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_Retry_After()
    {
        using var guesser = From("203.0.113.14", cookies: true);
        for (int i = 0; i < AbuseAppFactory.SignIns; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(guesser, "nobody@lab.example", "wrong-" + i)).StatusCode);
        var refused = await SignInForm.PostAsync(guesser, "nobody@lab.example", "wrong-again");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("try again in", await refused.Content.ReadAsStringAsync());

        using var other = From("198.51.100.14", cookies: true);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(other, "nobody@lab.example", "wrong")).StatusCode);
    }

    [Fact]
    public async Task Stored_things_beyond_the_limit_get_429_and_nothing_is_stored()
    {
        using var flooder = From("203.0.113.15");
        for (int i = 0; i < AbuseAppFactory.Stores; i++)
            Assert.Equal(HttpStatusCode.Created, (await flooder.PostAsJsonAsync("/api/rooms", new { name = $"flood {i}" })).StatusCode);
        var refused = await flooder.PostAsJsonAsync("/api/rooms", new { name = "one too many" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Nothing was changed", await refused.Content.ReadAsStringAsync());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Rooms.AnyAsync(r => r.Name == "one too many"));
    }

    [Fact]
    public async Task Opening_connections_beyond_the_limit_gets_429()
    {
        var hubs = new List<HubConnection>();
        for (int i = 0; i < AbuseAppFactory.Connections; i++)
        {
            // A WebSocket connection is one negotiation and one start request: half the limit's connections fit.
            var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/generation"), o => o.Headers["X-Forwarded-For"] = "203.0.113.16").Build();
            try { await hub.StartAsync(); hubs.Add(hub); }
            catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.TooManyRequests) { break; }
        }
        Assert.InRange(hubs.Count, 1, AbuseAppFactory.Connections - 1);
        using var raw = From("203.0.113.16");
        var negotiate = await raw.PostAsync("/hubs/generation/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, negotiate.StatusCode);
        Assert.True(negotiate.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        foreach (var hub in hubs) await hub.DisposeAsync();

        var elsewhere = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/generation"), o => o.Headers["X-Forwarded-For"] = "198.51.100.16").Build();
        await elsewhere.StartAsync();
        await elsewhere.DisposeAsync();
    }
}
