using DisTok.Data.Stores;
using DisTok.Tests.Shared;
using DisTok.Web.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>Real Chromium through the cluster's proxy in front of two studio nodes: two people's Blazor circuits land on
/// different nodes; when one node is killed, the page whose circuit was there comes back on the other node by itself
/// (the proxy sends its reconnection there, the circuit is unknown, the page reloads), shows the room as stored, and
/// both people go on co-editing.</summary>
[Trait("Category", "Browser")]
[Trait("Database", "PostgreSQL")]
public sealed class ClusterBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    const float Timeout = 60_000;
    readonly string _database = TestPostgres.CreateDatabase();
    ClusterNodeFactory _a = default!, _b = default!;
    TestProxy _proxy = default!;

    public async Task InitializeAsync()
    {
        _a = new ClusterNodeFactory(_database);
        _b = new ClusterNodeFactory(_database);
        _proxy = await TestProxy.StartAsync(_a, _b);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        TestPostgres.DropDatabase(_database);
    }

    static ILocator ValueOf(IPage page, string key) => page.Locator($".weight-row[data-key='{key}'] .weight-value");

    static async Task NudgeAsync(IPage page, string key, int times)
    {
        await page.Locator($".weight-row[data-key='{key}'] input[type=range]").FocusAsync();
        for (int i = 0; i < times; i++) await page.Keyboard.PressAsync("ArrowRight");
    }

    /// <summary>True once the page holds a new document (the mark set before the failover is gone); false while it still
    /// holds the old one or is between the two (a reload in progress destroys the script context being asked).</summary>
    static async Task<bool> ReloadedAsync(IPage page)
    {
        try { return await page.EvaluateAsync<bool>("() => window.beforeFailover !== true"); }
        catch (PlaywrightException) { return false; }
    }

    [Fact]
    public async Task A_page_whose_node_dies_comes_back_on_the_other_node_and_co_editing_goes_on()
    {
        var rooms = _a.Services.GetRequiredService<RoomStore>();
        var room = await rooms.CreateAsync("across a failover", "a photo of a <*>");
        await rooms.SetWeightAsync(room.Id, "pig", 50, "setup");
        await rooms.SetWeightAsync(room.Id, "sheep", 50, "setup");
        var ann = await session.OpenAsync(_proxy.Front, $"/rooms/{room.Id}");
        var bob = await session.OpenAsync(_proxy.Front, $"/rooms/{room.Id}");
        var annNode = (await ann.Context.CookiesAsync()).Single(c => c.Name == DisTok.Proxy.StudioRoutes.AffinityCookie).Value;
        var bobNode = (await bob.Context.CookiesAsync()).Single(c => c.Name == DisTok.Proxy.StudioRoutes.AffinityCookie).Value;
        Assert.NotEqual(annNode, bobNode);                                   // round-robin: one circuit on each node
        await NudgeAsync(ann, "pig", 5);
        await Assertions.Expect(ValueOf(bob, "pig")).ToContainTextAsync("55", new() { Timeout = Timeout });

        foreach (var page in new[] { ann, bob }) await page.EvaluateAsync("() => window.beforeFailover = true");
        await _a.DisposeAsync();                                             // one of the two circuits dies with its node
        // The page whose circuit died reloads by itself (a new document, without the mark) once the proxy sends it to node B.
        IPage? moved = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Timeout);
        while (moved is null && DateTime.UtcNow < deadline)
        {
            foreach (var page in new[] { ann, bob })
                if (await ReloadedAsync(page)) moved = page;
            await Task.Delay(100);
        }
        Assert.NotNull(moved);
        var stayed = moved == ann ? bob : ann;
        Assert.False(await ReloadedAsync(stayed));                         // its circuit was on the live node: no reload
        await BrowserSession.WaitInteractiveAsync(moved);
        await Assertions.Expect(ValueOf(moved, "pig")).ToContainTextAsync("55", new() { Timeout = Timeout });
        await Assertions.Expect(moved.Locator("#presence .member")).ToHaveCountAsync(2, new() { Timeout = Timeout });

        await NudgeAsync(moved, "sheep", 3);                                 // the moved page edits; the other sees it
        await Assertions.Expect(ValueOf(stayed, "sheep")).ToContainTextAsync("53", new() { Timeout = Timeout });
        await NudgeAsync(stayed, "pig", 2);
        await Assertions.Expect(ValueOf(moved, "pig")).ToContainTextAsync("57", new() { Timeout = Timeout });
        _a = new ClusterNodeFactory(_database);                              // for DisposeAsync
    }
}
