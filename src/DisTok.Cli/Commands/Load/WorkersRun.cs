using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// The cluster's generation workers under load: <c>rooms</c> rooms spread over the given studio nodes, one member each
/// (its own client address), each queueing <c>perRoom</c> renders with distinct seeds, at most <c>inFlight</c> at a time.
/// Optionally the worker with process id <c>killPid</c> is killed (SIGKILL; only a `distok worker` is accepted) once
/// <c>killAfter</c> jobs have finished. The run passes when every job ends done exactly once, each room's history holds
/// each done job's seed exactly once, and the cluster's queue is empty (nothing waiting, nothing pending) after.
/// </summary>
public sealed class WorkersRun(IReadOnlyList<LoadTarget> nodes, int rooms, int perRoom, int inFlight, int steps, int? killPid, int killAfter)
{
    sealed record Room(int Index, LoadTarget Node, string Id, HubConnection Hub, ConcurrentDictionary<(string Job, string Status), bool> Ends, ConcurrentQueue<long> Images)
    {
        public readonly ConcurrentDictionary<string, int> Seeds = new();
        public int Refused;
    }

    public async Task<JsonObject> RunAsync(CancellationToken ct)
    {
        if (killPid is { } pid) CheckIsWorker(pid);
        var all = new List<Room>();
        long redeliveredBefore = Redelivered(await nodes[0].GetJsonAsync<JsonElement>("/healthz", ct));
        try
        {
            for (int r = 0; r < rooms; r++)
            {
                using var person = nodes[r % nodes.Count].From(LoadTarget.PersonAddress(r));   // each member makes its own room
                var node = nodes[r % nodes.Count];
                var id = await person.CreateRoomAsync($"workers load {r}", ct);
                var hub = await node.ConnectRoomHubAsync(ct, person: r);
                var room = new Room(r, node, id, hub, new(), new());
                hub.On<RoomJobWire>("roomJob", j => { if (j.Status is "done" or "failed" or "cancelled") room.Ends.TryAdd((j.JobId, j.Status), true); });
                hub.On<long>("imageAdded", i => room.Images.Enqueue(i));
                await hub.InvokeAsync<RoomStateWire>("Join", id, $"worker-load-{r}", ct);
                await hub.InvokeAsync<long>("SetWeight", r % 2 == 0 ? "pig" : "owl", 60.0, ct);
                await hub.InvokeAsync<long>("SetWeight", r % 3 == 0 ? "sheep" : "fox", 40.0, ct);
                all.Add(room);
            }
            var clock = Stopwatch.StartNew();
            int Finished() => all.Sum(r => r.Ends.Count);
            var killer = Task.Run(async () =>
            {
                if (killPid is not { } victim) return (double?)null;
                // After enough jobs, and at a moment every worker is rendering one (so the victim dies mid-job).
                while (Finished() < killAfter || Pending(await nodes[0].GetJsonAsync<JsonElement>("/healthz", ct)) < 2) await Task.Delay(20, ct);
                Process.GetProcessById(victim).Kill();
                return clock.Elapsed.TotalSeconds;
            }, ct);
            await Task.WhenAll(all.Select(room => FeedAsync(room, ct)));
            double seconds = clock.Elapsed.TotalSeconds;
            double? killedAt = await killer;

            // The images' notices follow the done events; then read every room's history back from the database.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (all.Any(r => r.Images.Count < DoneIds(r).Count) && DateTime.UtcNow < deadline) await Task.Delay(50, ct);
            int historyOk = 0, historyDuplicates = 0, historyMissing = 0;
            foreach (var room in all)
            {
                var seeds = await room.Node.GetJsonAsync<JsonElement>($"/api/rooms/{room.Id}/images?take=200", ct);
                var kept = seeds.EnumerateArray().Select(i => i.GetProperty("seed").GetInt32()).ToList();
                var done = DoneIds(room).Select(j => room.Seeds[j]).ToHashSet();
                historyDuplicates += kept.Count - kept.Distinct().Count();
                historyMissing += done.Count(s => !kept.Contains(s));
                if (kept.Count == done.Count && kept.ToHashSet().SetEquals(done)) historyOk++;
            }
            var after = await nodes[0].GetJsonAsync<JsonElement>("/healthz", ct);
            int jobs = all.Sum(r => r.Seeds.Count);
            int doneJobs = all.Sum(r => DoneIds(r).Count);
            return new JsonObject
            {
                ["nodes"] = nodes.Count,
                ["rooms"] = rooms,
                ["jobs"] = jobs,
                ["done"] = doneJobs,
                ["failed_or_cancelled"] = all.Sum(r => r.Ends.Keys.Count(e => e.Status != "done")),
                ["jobs_ending_twice"] = all.Sum(r => r.Ends.Keys.GroupBy(e => e.Job).Count(g => g.Count() > 1)),
                ["rooms_whose_history_holds_each_done_job_once"] = historyOk,
                ["history_duplicates"] = historyDuplicates,
                ["history_missing"] = historyMissing,
                ["refused_submissions_retried"] = all.Sum(r => r.Refused),
                ["queue_waiting_after"] = after.GetProperty("queueDepth").GetInt32(),
                ["queue_pending_after"] = after.TryGetProperty("queuePending", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null,
                ["workers_alive_after"] = after.TryGetProperty("workersAlive", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt32() : null,
                ["jobs_taken_over_from_a_silent_worker"] = Redelivered(after) - redeliveredBefore,
                ["killed_worker_pid"] = killPid,
                ["killed_after_seconds"] = killedAt is { } k ? Math.Round(k, 1) : null,
                ["seconds"] = Math.Round(seconds, 1),
                ["jobs_per_minute"] = Math.Round(doneJobs / (seconds / 60), 1),
                ["steps"] = steps,
            };
        }
        finally
        {
            foreach (var room in all) await room.Hub.DisposeAsync();
        }
    }

    static long Redelivered(JsonElement health) =>
        health.TryGetProperty("jobsRedelivered", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt64() : 0;

    static long Pending(JsonElement health) =>
        health.TryGetProperty("queuePending", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : 0;

    static List<string> DoneIds(Room room) => room.Ends.Keys.Where(e => e.Status == "done").Select(e => e.Job).ToList();

    /// <summary>Queues the room's renders, at most <c>inFlight</c> unfinished at a time, until all have ended.</summary>
    async Task FeedAsync(Room room, CancellationToken ct)
    {
        int next = 0;
        while (true)
        {
            int ended = room.Ends.Keys.Select(e => e.Job).Distinct().Count();
            if (ended >= perRoom) return;
            if (next < perRoom && next - ended < inFlight)
            {
                int seed = room.Index * perRoom + next;
                try
                {
                    var job = await room.Hub.InvokeAsync<string>("Generate", seed, steps, ct);
                    room.Seeds[job] = seed;
                    next++;
                    continue;
                }
                catch (HubException) { room.Refused++; }   // a limit said wait: try again shortly
            }
            await Task.Delay(25, ct);
        }
    }

    /// <summary>Refuses to kill anything but a generation worker (its command line names distok and worker).</summary>
    static void CheckIsWorker(int pid)
    {
        string commandLine;
        try { commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { throw new ArgumentException($"--kill-pid {pid}: no such process"); }
        if (!commandLine.Contains("distok", StringComparison.Ordinal) || !commandLine.Contains(" worker", StringComparison.Ordinal))
            throw new ArgumentException($"--kill-pid {pid} is not a generation worker (its command line is not `distok worker …`)");
    }
}
