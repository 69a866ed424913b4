using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// Co-editing latency: <c>clients</c> connections join one room through the room hub; edits are sent at a fixed rate,
/// each by the next client in turn, to a few concepts. For every edit and every other client, the latency is the time
/// from sending the edit to that client first holding a room state at the edit's revision or later (a newer state
/// shows the edit too). All clocks are this process's one stopwatch. Given several targets (a cluster's nodes), client
/// c connects to target c mod n, so the room's members are split over the nodes and every edit crosses between them.
/// </summary>
public sealed class CoEditRun(IReadOnlyList<LoadTarget> targets, int clients, int edits, double editsPerSecond)
{
    static readonly string[] Keys = ["pig", "sheep", "snake"];

    public async Task<JsonObject> RunAsync(CancellationToken ct)
    {
        var roomId = await targets[0].CreateRoomAsync("co-edit load", ct);
        var clock = Stopwatch.StartNew();
        // seen[c]: (revision, first time client c held a state of at least that revision).
        var seen = Enumerable.Range(0, clients).Select(_ => new ConcurrentQueue<(long Revision, double Ms)>()).ToArray();
        var hubs = new List<HubConnection>();
        try
        {
            for (int c = 0; c < clients; c++)
            {
                var hub = await targets[c % targets.Count].ConnectRoomHubAsync(ct, person: c);
                int me = c;
                hub.On<RoomStateWire>("roomEdited", s => seen[me].Enqueue((s.Revision, clock.Elapsed.TotalMilliseconds)));
                await hub.InvokeAsync<RoomStateWire>("Join", roomId, $"load-{c}", ct);
                hubs.Add(hub);
            }
            // Every key exists before timing starts, so each timed edit is a plain weight change.
            foreach (var key in Keys) await hubs[0].InvokeAsync<long>("SetWeight", key, 50.0, ct);
            await Task.Delay(500, ct);

            var sent = new (int Writer, double Ms, Task<long> Revision)[edits];
            var interval = TimeSpan.FromSeconds(1 / editsPerSecond);
            var start = clock.Elapsed;
            for (int k = 0; k < edits; k++)
            {
                var due = start + interval * k;
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, ct);
                int writer = k % clients;
                double weight = 1 + k % 990 / 10.0;
                sent[k] = (writer, clock.Elapsed.TotalMilliseconds, hubs[writer].InvokeAsync<long>("SetWeight", Keys[k % Keys.Length], weight, ct));
            }
            var revisions = await Task.WhenAll(sent.Select(s => s.Revision));
            await Task.Delay(2000, ct);   // let the last fan-out arrive

            var latencies = new List<double>();
            int missing = 0;
            var states = seen.Select(q => q.ToArray()).ToArray();
            for (int k = 0; k < edits; k++)
                for (int c = 0; c < clients; c++)
                {
                    if (c == sent[k].Writer) continue;
                    var first = states[c].Where(s => s.Revision >= revisions[k]).Select(s => s.Ms).DefaultIfEmpty(double.NaN).Min();
                    if (double.IsNaN(first)) missing++;
                    else latencies.Add(Math.Max(0, first - sent[k].Ms));
                }
            return new JsonObject
            {
                ["clients"] = clients,
                ["targets"] = new JsonArray(targets.Select(t => (JsonNode)t.BaseAddress.ToString()).ToArray()),
                ["edits"] = edits,
                ["edits_per_second"] = editsPerSecond,
                ["deliveries"] = latencies.Count,
                ["missing_deliveries"] = missing,
                ["latency_ms_p50"] = Math.Round(Percentiles.Of(latencies, 50), 1),
                ["latency_ms_p95"] = Math.Round(Percentiles.Of(latencies, 95), 1),
                ["latency_ms_p99"] = Math.Round(Percentiles.Of(latencies, 99), 1),
                ["latency_ms_max"] = Math.Round(latencies.Max(), 1),
            };
        }
        finally
        {
            foreach (var hub in hubs) await hub.DisposeAsync();
        }
    }
}
