using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// A studio node killed during co-editing, through the cluster's proxy: <c>clients</c> people edit one room, each its
/// own concept with a weight that only grows (1.00, 1.01, …), so the room's final weight of a concept is at least the
/// last value its editor saw acknowledged, unless an acknowledged edit was lost. Partway through, the node with process
/// id <c>killPid</c> is killed (SIGKILL; only a studio process is accepted). A client whose connection drops connects
/// again through the proxy (which sends it to a healthy node) and joins the room again; the time from the drop to
/// the join is its reconnect time. Edits whose call failed were never acknowledged and are not counted.
/// </summary>
public sealed class FailoverRun(LoadTarget target, int clients, TimeSpan duration, int? killPid, TimeSpan killAt)
{
    static readonly string[] Concepts = ["pig", "sheep", "snake", "cat", "dog", "lion", "owl", "frog", "cow", "horse", "goat", "rooster", "chick", "rabbit", "mouse", "tiger"];

    /// <summary>Most clients: one concept each, and a room holds at most 16 concepts.</summary>
    public static int MaxClients => Concepts.Length;

    public async Task<JsonObject> RunAsync(CancellationToken ct)
    {
        if (killPid is { } pid) CheckIsStudio(pid);
        var roomId = await target.CreateRoomAsync("failover load", ct);
        var clock = Stopwatch.StartNew();
        var acked = new double[clients];
        var ackedCount = new int[clients];
        var failedCalls = new int[clients];
        var reconnectMs = new ConcurrentBag<double>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(duration);

        async Task<HubConnection> ConnectAsync(int c)
        {
            while (true)
            {
                stop.Token.ThrowIfCancellationRequested();
                var hub = await TryAsync(async () =>
                {
                    var h = await target.ConnectRoomHubAsync(stop.Token, person: c);
                    await h.InvokeAsync<RoomStateWire>("Join", roomId, $"failover-{c}", stop.Token);
                    return h;
                }, stop.Token);
                if (hub is not null) return hub;
                await Task.Delay(200, stop.Token);   // the proxy has not yet taken the dead node out: try again
            }
        }

        async Task ClientAsync(int c)
        {
            var hub = await ConnectAsync(c);
            int n = 0;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    double weight = Math.Round(1 + n * 0.01, 2);
                    var ok = await TryAsync(async () => await hub.InvokeAsync<long>("SetWeight", Concepts[c], weight, stop.Token), stop.Token);
                    if (ok != 0)
                    {
                        acked[c] = weight;
                        ackedCount[c]++;
                        n++;
                        await Task.Delay(250, stop.Token);
                        continue;
                    }
                    if (stop.IsCancellationRequested) break;
                    failedCalls[c]++;
                    n++;   // it may have been stored before the node died: the next value is higher either way
                    double dropped = clock.Elapsed.TotalMilliseconds;
                    await hub.DisposeAsync();
                    hub = await ConnectAsync(c);
                    reconnectMs.Add(clock.Elapsed.TotalMilliseconds - dropped);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            finally { await hub.DisposeAsync(); }
        }

        var killer = Task.Run(async () =>
        {
            if (killPid is not { } victim) return;
            await Task.Delay(killAt, stop.Token);
            Process.GetProcessById(victim).Kill();
        }, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c), CancellationToken.None)));
        try { await killer; } catch (OperationCanceledException) { }

        var final = await target.RoomWeightsAsync(roomId, ct);
        int lost = Enumerable.Range(0, clients).Count(c => ackedCount[c] > 0 && (!final.TryGetValue(Concepts[c], out var w) || w < acked[c] - 1e-9));
        var reconnects = reconnectMs.ToList();
        return new JsonObject
        {
            ["clients"] = clients,
            ["seconds"] = duration.TotalSeconds,
            ["killed_pid"] = killPid,
            ["killed_at_seconds"] = killPid is null ? null : killAt.TotalSeconds,
            ["acknowledged_edits"] = ackedCount.Sum(),
            ["failed_calls"] = failedCalls.Sum(),
            ["clients_reconnected"] = failedCalls.Count(f => f > 0),
            ["reconnect_ms_p50"] = reconnects.Count == 0 ? null : Math.Round(Percentiles.Of(reconnects, 50), 0),
            ["reconnect_ms_max"] = reconnects.Count == 0 ? null : Math.Round(reconnects.Max(), 0),
            ["clients_with_a_lost_acknowledged_edit"] = lost,
        };
    }

    /// <summary>The call's result, or default when it failed for any reason but the run's end (a dropped connection,
    /// a node that is down, a proxy answering 502 while it has not yet noticed).</summary>
    static async Task<T?> TryAsync<T>(Func<Task<T>> call, CancellationToken stop)
    {
        try { return await call(); }
        catch (Exception) when (!stop.IsCancellationRequested) { return default; }
    }

    /// <summary>Refuses to kill anything but a studio process (its command line names DisTok.Web).</summary>
    static void CheckIsStudio(int pid)
    {
        string commandLine;
        try { commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { throw new ArgumentException($"--kill-pid {pid}: no such process"); }
        if (!commandLine.Contains("DisTok.Web", StringComparison.Ordinal))
            throw new ArgumentException($"--kill-pid {pid} is not a studio node (its command line does not name DisTok.Web)");
    }
}
