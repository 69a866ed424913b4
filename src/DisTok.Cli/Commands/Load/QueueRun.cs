using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// The queue under load: <c>rooms</c> rooms with <c>perRoom</c> members each; every member queues one render at once.
/// The first member of each room leaves as soon as its job is queued: the studio cancels it if it has not started, or
/// lets it finish for the others if it has. A run passes when every job ends exactly once as seen by the members who
/// stayed (done, or cancelled only when its member left), each room's history gains one image per done job, and the
/// queue is empty after.
/// </summary>
public sealed class QueueRun(LoadTarget target, int rooms, int perRoom, int steps)
{
    public async Task<JsonObject> RunAsync(CancellationToken ct)
    {
        var before = await target.HealthAsync(ct);
        var members = new List<(int Room, HubConnection Hub, ConcurrentQueue<RoomJobWire> Jobs, ConcurrentQueue<long> Images)>();
        var clock = Stopwatch.StartNew();
        try
        {
            for (int r = 0; r < rooms; r++)
            {
                var roomId = await target.CreateRoomAsync($"queue load {r}", ct);
                for (int m = 0; m < perRoom; m++)
                {
                    var hub = await target.ConnectRoomHubAsync(ct, person: r * perRoom + m);
                    var jobs = new ConcurrentQueue<RoomJobWire>();
                    var images = new ConcurrentQueue<long>();
                    hub.On<RoomJobWire>("roomJob", j => jobs.Enqueue(j));
                    hub.On<long>("imageAdded", id => images.Enqueue(id));
                    await hub.InvokeAsync<RoomStateWire>("Join", roomId, $"q{r}-{m}", ct);
                    members.Add((r, hub, jobs, images));
                }
                await members[^1].Hub.InvokeAsync<long>("SetWeight", r % 2 == 0 ? "pig" : "owl", 60.0, ct);
                await members[^1].Hub.InvokeAsync<long>("SetWeight", r % 3 == 0 ? "sheep" : "fox", 40.0, ct);
            }
            clock.Restart();
            var ids = await Task.WhenAll(members.Select((m, i) => m.Hub.InvokeAsync<string>("Generate", i, steps, ct)));
            var leavers = members.Where((m, i) => i % perRoom == 0).ToList();
            foreach (var leaver in leavers) await leaver.Hub.StopAsync(ct);
            var stayers = members.Except(leavers).ToList();

            // Wait until every staying member has heard every job of its room end.
            while (stayers.Any(m => Ended(m.Jobs).Count < perRoom)) await Task.Delay(50, ct);
            double seconds = clock.Elapsed.TotalSeconds;
            var ended = stayers.SelectMany(m => Ended(m.Jobs).Select(e => (m.Room, e.JobId, e.Status))).Distinct().ToList();
            int DoneIn(int room) => ended.Where(e => e.Room == room && e.Status == "done").Select(e => e.JobId).Distinct().Count();
            while (stayers.Any(m => m.Images.Count < DoneIn(m.Room))) await Task.Delay(50, ct);

            var leaverJobs = leavers.Select(l => ids[members.IndexOf(l)]).ToHashSet();
            int done = ended.Where(e => e.Status == "done").Select(e => e.JobId).Distinct().Count();
            int cancelledWithLeaver = ended.Where(e => e.Status == "cancelled" && leaverJobs.Contains(e.JobId)).Select(e => e.JobId).Distinct().Count();
            int otherEnds = ended.Where(e => e.Status != "done" && !(e.Status == "cancelled" && leaverJobs.Contains(e.JobId))).Select(e => e.JobId).Distinct().Count();
            int lost = ids.Except(ended.Select(e => e.JobId)).Count();
            int duplicated = stayers.Sum(m => m.Jobs.Count(j => j.Status == "done") - m.Jobs.Where(j => j.Status == "done").Select(j => j.JobId).Distinct().Count());
            bool imagesMatch = stayers.All(m => m.Images.Distinct().Count() == DoneIn(m.Room));
            await Task.Delay(200, ct);
            var after = await target.HealthAsync(ct);
            return new JsonObject
            {
                ["rooms"] = rooms,
                ["jobs"] = ids.Length,
                ["distinct_job_ids"] = ids.Distinct().Count(),
                ["done"] = done,
                ["lost"] = lost,
                ["duplicated_done_events"] = duplicated,
                ["members_left_mid_run"] = leavers.Count,
                ["cancelled_because_their_member_left"] = cancelledWithLeaver,
                ["failed_or_cancelled_otherwise"] = otherEnds,
                ["images_equal_done_in_every_room"] = imagesMatch,
                ["queue_depth_after"] = after.QueueDepth,
                ["seconds"] = Math.Round(seconds, 1),
                ["jobs_per_second"] = Math.Round(ids.Length / seconds, 2),
                ["steps"] = steps,
                ["working_set_mb_before"] = before.WorkingSetMb,
                ["working_set_mb_after"] = after.WorkingSetMb,
            };
        }
        finally
        {
            foreach (var m in members) await m.Hub.DisposeAsync();
        }
    }

    static List<RoomJobWire> Ended(IEnumerable<RoomJobWire> jobs) =>
        jobs.Where(j => j.Status is "done" or "failed" or "cancelled").DistinctBy(j => j.JobId).ToList();
}
