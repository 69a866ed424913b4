using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DisTok.Data.Validation;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// One client address trying to take the studio for itself while honest people generate. <c>honest</c> clients, each
/// from its own loopback address (127.0.0.11, .12, …), render <c>renders</c> images one after another through the REST
/// API, a pause between, and time each from submit to first preview. They do it twice in one run: alone, then while an
/// attacker at 127.0.0.66 submits at full speed with a new client cookie on every request, opens generation-hub
/// connections that each queue a render, and joins a room over and over, queueing and leaving at once. The run passes
/// when every honest render finishes, none is refused for "queue full", and the honest p95 time to first preview under
/// attack stays within 2× of the run alone.
/// </summary>
public sealed class AbuseRun(LoadTarget target, int honest, int renders, int steps, int gapMs, int pollMs)
{
    static readonly IPAddress AttackerAddress = IPAddress.Parse("127.0.0.66");
    const string Distribution = "pig=0.55,sheep=0.25,snake=0.2";

    sealed class Tally
    {
        public int Requests, Accepted, Refused429, RefusedOther, HubsOpened, HubsRefused, RoomJoins, RoomJobs;
    }

    public async Task<JsonObject> RunAsync(IProgress<string> progress, CancellationToken ct)
    {
        var clients = Enumerable.Range(0, honest).Select(i => target.From(IPAddress.Parse($"127.0.0.{11 + i}"))).ToList();
        try
        {
            progress.Report($"alone: {honest} clients × {renders} renders");
            var alone = await HonestAsync(clients, seedBase: 0, ct);
            progress.Report("attacked: the same, with the attacker at full speed");
            var tally = new Tally();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var attackerTarget = target.From(AttackerAddress);
            var roomId = await attackerTarget.CreateRoomAsync("abuse room", ct);
            var attackers = new List<Task>
            {
                FloodRestAsync(tally, stop.Token), FloodRestAsync(tally, stop.Token),
                FloodHubsAsync(tally, stop.Token), FloodRoomAsync(roomId, tally, stop.Token),
            };
            await Task.Delay(2000, ct);   // let the attack reach full speed first
            var attacked = await HonestAsync(clients, seedBase: 10_000, ct);
            await stop.CancelAsync();
            await Task.WhenAll(attackers.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

            // The queue drains once the attacker has gone (its open connections are closed by now).
            var deadline = DateTime.UtcNow.AddMinutes(2);
            ServerFigures after;
            while ((after = await target.HealthAsync(ct)).QueueDepth > 0 && DateTime.UtcNow < deadline) await Task.Delay(200, ct);

            double p95Alone = Percentiles.Of(alone.FirstPreviewMs, 95), p95Attacked = Percentiles.Of(attacked.FirstPreviewMs, 95);
            return new JsonObject
            {
                ["honest_clients"] = honest,
                ["renders_per_client_per_phase"] = renders,
                ["steps"] = steps,
                ["honest_done_alone"] = alone.Done,
                ["honest_done_attacked"] = attacked.Done,
                ["honest_refused"] = alone.Refused + attacked.Refused,
                ["honest_refused_queue_full"] = alone.QueueFull + attacked.QueueFull,
                ["first_preview_ms_p50_alone"] = Math.Round(Percentiles.Of(alone.FirstPreviewMs, 50), 1),
                ["first_preview_ms_p95_alone"] = Math.Round(p95Alone, 1),
                ["first_preview_ms_p50_attacked"] = Math.Round(Percentiles.Of(attacked.FirstPreviewMs, 50), 1),
                ["first_preview_ms_p95_attacked"] = Math.Round(p95Attacked, 1),
                ["p95_ratio_attacked_to_alone"] = Math.Round(p95Attacked / p95Alone, 2),
                ["attacker_requests"] = tally.Requests,
                ["attacker_jobs_accepted"] = tally.Accepted,
                ["attacker_refused_429"] = tally.Refused429,
                ["attacker_refused_other"] = tally.RefusedOther,
                ["attacker_hub_connections_opened"] = tally.HubsOpened,
                ["attacker_hub_connections_refused"] = tally.HubsRefused,
                ["attacker_room_joins"] = tally.RoomJoins,
                ["attacker_room_jobs_queued"] = tally.RoomJobs,
                ["queue_depth_after"] = after.QueueDepth,
                ["passed"] = alone.Done + attacked.Done == 2 * honest * renders && alone.QueueFull + attacked.QueueFull == 0 && p95Attacked <= 2 * p95Alone,
            };
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    sealed record Phase(List<double> FirstPreviewMs, int Done, int Refused, int QueueFull);

    async Task<Phase> HonestAsync(List<LoadTarget> clients, int seedBase, CancellationToken ct)
    {
        var times = new ConcurrentBag<double>();
        int done = 0, refused = 0, queueFull = 0;
        await Task.WhenAll(clients.Select(async (client, c) =>
        {
            for (int i = 0; i < renders; i++)
            {
                try
                {
                    var (first, _, status) = await client.TimedRenderAsync(Distribution, seedBase + c * 1000 + i, steps, pollMs, ct);
                    if (status == "done") { Interlocked.Increment(ref done); times.Add(first); }
                }
                catch (InvalidOperationException e) when (e.Message.StartsWith("submit failed", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref refused);
                    if (e.Message.Contains("queue is full", StringComparison.Ordinal)) Interlocked.Increment(ref queueFull);
                }
                await Task.Delay(gapMs, ct);
            }
        }));
        return new([.. times], done, refused, queueFull);
    }

    /// <summary>Render requests as fast as answers come back, each with a brand-new client cookie.</summary>
    async Task FloodRestAsync(Tally tally, CancellationToken ct)
    {
        using var http = new HttpClient(SourceBound.Handler(AttackerAddress)) { BaseAddress = target.BaseAddress };
        int seed = 0;
        while (!ct.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/generations") { Content = JsonContent.Create(new { distribution = Distribution, seed = seed++, steps }) };
            request.Headers.Add("Cookie", $"distok-client={UnguessableId.New()}");
            request.Headers.Add("X-DisTok-Request", "1");
            try
            {
                using var response = await http.SendAsync(request, ct);
                Interlocked.Increment(ref tally.Requests);
                if (response.StatusCode == HttpStatusCode.Accepted) Interlocked.Increment(ref tally.Accepted);
                else if (response.StatusCode == HttpStatusCode.TooManyRequests) Interlocked.Increment(ref tally.Refused429);
                else Interlocked.Increment(ref tally.RefusedOther);
            }
            catch (OperationCanceledException) { break; }
            catch (HttpRequestException) { Interlocked.Increment(ref tally.RefusedOther); }
        }
    }

    /// <summary>Generation-hub connections, each queueing one render and kept open (the newest 20).</summary>
    async Task FloodHubsAsync(Tally tally, CancellationToken ct)
    {
        var open = new Queue<HubConnection>();
        int seed = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var hub = SourceBound.Hub(new Uri(target.BaseAddress, "/hubs/generation"), AttackerAddress);
                try
                {
                    await hub.StartAsync(ct);
                    Interlocked.Increment(ref tally.HubsOpened);
                    open.Enqueue(hub);
                    Interlocked.Increment(ref tally.Requests);
                    await hub.InvokeAsync<string>("Submit", Distribution, "a photo of a <*>", seed++, steps, ct);
                    Interlocked.Increment(ref tally.Accepted);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref tally.HubsRefused); await hub.DisposeAsync(); }
                catch (HubException) { Interlocked.Increment(ref tally.Refused429); }
                catch (OperationCanceledException) { await hub.DisposeAsync(); break; }
                while (open.Count > 20) await open.Dequeue().DisposeAsync();
            }
        }
        finally
        {
            foreach (var hub in open) await hub.DisposeAsync();
        }
    }

    /// <summary>Joins a room, queues a render and leaves, over and over.</summary>
    async Task FloodRoomAsync(string roomId, Tally tally, CancellationToken ct)
    {
        int seed = 0;
        while (!ct.IsCancellationRequested)
        {
            var hub = SourceBound.Hub(new Uri(target.BaseAddress, "/hubs/rooms"), AttackerAddress);
            try
            {
                await hub.StartAsync(ct);
                Interlocked.Increment(ref tally.HubsOpened);
                await hub.InvokeAsync<RoomStateWire>("Join", roomId, "flood", ct);
                Interlocked.Increment(ref tally.RoomJoins);
                await hub.InvokeAsync<long>("SetWeight", "pig", 60.0, ct);
                Interlocked.Increment(ref tally.Requests);
                await hub.InvokeAsync<string>("Generate", seed++, steps, ct);
                Interlocked.Increment(ref tally.RoomJobs);
            }
            catch (HttpRequestException) { Interlocked.Increment(ref tally.HubsRefused); }
            catch (HubException) { Interlocked.Increment(ref tally.Refused429); }
            catch (OperationCanceledException) { await hub.DisposeAsync(); break; }
            await hub.DisposeAsync();
        }
    }
}
