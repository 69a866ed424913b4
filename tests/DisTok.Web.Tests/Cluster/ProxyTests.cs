using System.Collections.Concurrent;
using System.Net;
using DisTok.Data.Stores;
using DisTok.Proxy;
using DisTok.Tests.Shared;
using DisTok.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Cluster;

/// <summary>The cluster's proxy (the project's own routes and cluster settings) in front of two real studio nodes:
/// hub clients are spread over both nodes and kept on theirs, and when a node stops its clients connect again through
/// the proxy to the other and go on editing the same room, losing no acknowledged edit.</summary>
[Trait("Database", "PostgreSQL")]
public sealed class ProxyTests : IAsyncLifetime
{
    readonly string _database = TestPostgres.CreateDatabase();
    ClusterNodeFactory _a = default!, _b = default!;
    TestProxy _proxy = default!;
    Uri _front = default!;

    public async Task InitializeAsync()
    {
        _a = new ClusterNodeFactory(_database);
        _b = new ClusterNodeFactory(_database);
        _proxy = await TestProxy.StartAsync(_a, _b);
        _front = _proxy.Front;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        TestPostgres.DropDatabase(_database);
    }

    sealed class Person(Uri front, string roomId, string name)
    {
        public readonly CookieContainer Cookies = new();
        public HubConnection Hub = default!;
        public readonly ConcurrentQueue<long> Seen = new();

        public async Task ConnectAsync()
        {
            Hub = new HubConnectionBuilder().WithUrl(new Uri(front, "/hubs/rooms"), o => o.Cookies = Cookies).Build();
            Hub.On<RoomState>("roomEdited", s => Seen.Enqueue(s.Revision));
            await Hub.StartAsync();
            await Hub.InvokeAsync<RoomState>("Join", roomId, name);
        }

        /// <summary>The node the proxy's affinity cookie names (a hash of the node's name: equal for the same node).</summary>
        public string Node => Cookies.GetCookies(front).FirstOrDefault(c => c.Name == StudioRoutes.AffinityCookie)?.Value ?? "";
    }

    [Fact]
    public async Task Clients_are_spread_over_both_nodes_and_those_of_a_stopped_node_carry_on_through_the_other()
    {
        var room = await _a.Services.GetRequiredService<RoomStore>().CreateAsync("behind the proxy", "a photo of a <*>");
        var people = Enumerable.Range(0, 6).Select(i => new Person(_front, room.Id, $"p{i}")).ToList();
        foreach (var p in people) await p.ConnectAsync();
        var nodes = people.GroupBy(p => p.Node).ToList();
        Assert.Equal(2, nodes.Count);   // round-robin: both nodes have people
        Assert.All(nodes, g => Assert.NotEqual("", g.Key));

        // Everyone edits their own concept once; everyone sees every edit.
        string[] concepts = ["pig", "sheep", "snake", "cat", "dog", "lion"];
        var revisions = new List<long>();
        for (int i = 0; i < people.Count; i++) revisions.Add(await people[i].Hub.InvokeAsync<long>("SetWeight", concepts[i], 10.0));
        await Until(() => people.All(p => p.Seen.Any(r => r >= revisions.Max())));

        // Node A stops. Its people's connections close; connecting again through the proxy lands them on node B.
        await _a.DisposeAsync();
        var moved = new List<Person>();
        foreach (var p in people)
        {
            try { await p.Hub.InvokeAsync<long>("SetWeight", concepts[people.IndexOf(p)], 20.0); }
            catch (Exception)
            {
                moved.Add(p);
                await p.Hub.DisposeAsync();
                await Until(async () =>
                {
                    try { await p.ConnectAsync(); return true; }
                    catch (Exception) { return false; }   // the proxy may not have noticed yet
                });
                await p.Hub.InvokeAsync<long>("SetWeight", concepts[people.IndexOf(p)], 20.0);
            }
        }
        Assert.NotEmpty(moved);
        var weights = (await _b.Services.GetRequiredService<RoomStore>().GetAsync(room.Id)).Weights.ToDictionary(w => w.Key, w => w.Weight);
        Assert.All(concepts, c => Assert.Equal(20.0, weights[c]));
        foreach (var p in people) await p.Hub.DisposeAsync();
        _a = new ClusterNodeFactory(_database);   // for DisposeAsync
    }

    static Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()));

    static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException();
            await Task.Delay(100);
        }
    }
}
