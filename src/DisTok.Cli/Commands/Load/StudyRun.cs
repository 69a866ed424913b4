using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// Simulated participants voting concurrently in a study: the run creates a small study through the API (or uses one
/// given), waits until it is rendered and open, then every participant joins and votes on each of their battles as
/// fast as the per-participant limit allows. A vote counts as acknowledged when the server answered 200 (after its
/// commit); acknowledged battle ids are appended to a file as they arrive, so a run cut short by a killed server still
/// leaves the list to verify after a restart (<see cref="VerifyAsync"/>). With a spread, participants arrive evenly over
/// that many seconds instead of all at once (so a run can outlast a node killed partway through a cluster).
/// </summary>
public sealed class StudyRun(LoadTarget target, int participants, string? ackedPath, string email, string password, TimeSpan spread = default)
{
    static readonly string[] Choices = ["left", "right", "tie", "both_bad"];

    public async Task<JsonObject> RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = target.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await target.SignInAsync(email, password, ct);   // creating a study needs an account; taking part does not
        var (id, key) = await CreateOpenStudyAsync(ct);
        await using var acked = ackedPath is null ? null : new StreamWriter(ackedPath, append: false) { AutoFlush = true };
        acked?.WriteLine($"study {id} {key}");
        var gate = new object();
        var roundTrips = new List<double>();
        int acknowledged = 0, refused = 0, failed = 0;
        var ackedIds = new List<string>();
        var joinRefusals = new List<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, participants).Select(async p =>
        {
            await Task.Delay(spread * p / participants, ct);
            // Each participant from its own loopback address, as people are (the study limits participations per address).
            using var person = new HttpClient(SourceBound.Handler(LoadTarget.PersonAddress(p)))
                { BaseAddress = target.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                var join = await person.PostAsJsonAsync($"/api/studies/{id}/participants", new { clientKey = $"load-{Guid.NewGuid():N}" }, ct);
                if (!join.IsSuccessStatusCode)
                {
                    var why = await join.Content.ReadAsStringAsync(ct);
                    lock (gate) joinRefusals.Add(why);
                    return;
                }
                var joined = await join.Content.ReadFromJsonAsync<JsonElement>(ct);
                var participant = joined.GetProperty("participantId").GetString();
                int k = 0;
                foreach (var battle in joined.GetProperty("battles").EnumerateArray())
                {
                    await Task.Delay(250, ct);   // the per-participant limit is 200 ms between votes
                    var battleId = battle.GetProperty("id").GetString()!;
                    var sent = Stopwatch.StartNew();
                    var response = await person.PostAsJsonAsync($"/api/studies/{id}/votes",
                        new { participantId = participant, battleId, choice = Choices[(p + k++) % Choices.Length], responseMs = 1500 }, ct);
                    double ms = sent.Elapsed.TotalMilliseconds;
                    lock (gate)
                    {
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged++;
                            roundTrips.Add(ms);
                            ackedIds.Add(battleId);
                            acked?.WriteLine(battleId);
                        }
                        else refused++;
                    }
                }
            }
            catch (HttpRequestException) { Interlocked.Increment(ref failed); }   // the server went away mid-run
        }));
        double seconds = clock.Elapsed.TotalSeconds;
        var result = new JsonObject
        {
            ["study"] = id,
            ["participants"] = participants,
            ["votes_acknowledged"] = acknowledged,
            ["votes_refused"] = refused,
            ["participants_cut_off"] = failed,
            ["joins_refused"] = joinRefusals.Count,
            ["seconds"] = Math.Round(seconds, 1),
        };
        if (joinRefusals.Count > 0) result["first_join_refusal"] = joinRefusals[0];
        if (roundTrips.Count > 0)
        {
            result["vote_ms_p50"] = Math.Round(Percentiles.Of(roundTrips, 50), 1);
            result["vote_ms_p95"] = Math.Round(Percentiles.Of(roundTrips, 95), 1);
            result["vote_ms_max"] = Math.Round(roundTrips.Max(), 1);
        }
        if (failed == 0 && await RetryAsync(() => VotesInDbAsync(http, id, key, ct), ct) is { } inDb)
        {
            result["votes_in_database"] = inDb.Count;
            result["acknowledged_missing_from_database"] = ackedIds.Count(b => !inDb.Contains(b));
            result["double_counted"] = Math.Max(0, inDb.Count - acknowledged);
        }
        return result;
    }

    /// <summary>Checks that every battle id in the acked file has its vote in the study's database.</summary>
    public static async Task<JsonObject> VerifyAsync(LoadTarget target, string ackedPath, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(ackedPath, ct);
        var header = lines.FirstOrDefault()?.Split(' ');
        if (header is not ["study", var id, var key]) throw new ArgumentException($"'{ackedPath}' does not start with a 'study ID KEY' line");
        var acked = lines.Skip(1).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        using var http = new HttpClient { BaseAddress = target.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var inDb = await RetryAsync(() => VotesInDbAsync(http, id, key, ct), ct)
            ?? throw new HttpRequestException("the study's votes could not be read (five attempts)");
        return new JsonObject
        {
            ["study"] = id,
            ["acknowledged"] = acked.Count,
            ["votes_in_database"] = inDb.Count,
            ["acknowledged_missing"] = acked.Count(b => !inDb.Contains(b)),
            ["in_database_not_acknowledged"] = inDb.Count(b => !acked.Contains(b)),
        };
    }

    async Task<(string Id, string Key)> CreateOpenStudyAsync(CancellationToken ct)
    {
        var (status, body) = await target.PostAsync("/api/studies", new
        {
            title = "load study", question = "Which is the better blend?", consent = "Simulated participants.",
            arms = new[] { "distok", "plain_prompt" }, items = new[] { "pig=0.5,sheep=0.5", "owl=0.5,fox=0.5", "cat=0.5,frog=0.5" },
            judgementsPerParticipant = 5,
        }, ct);
        if (status != System.Net.HttpStatusCode.Created) throw new InvalidOperationException($"creating the study failed: {body}");
        var (id, key) = (body.GetProperty("id").GetString()!, body.GetProperty("ownerKey").GetString()!);
        while (true)
        {
            var state = await target.GetAsync($"/api/studies/{id}?key={key}", ct);
            if (state.GetProperty("problem").GetString() is { } problem) throw new InvalidOperationException($"the study could not render: {problem}");
            if (state.GetProperty("status").GetString() == "open") return (id, key);
            await Task.Delay(250, ct);
        }
    }

    /// <summary>A read that a proxy may answer 502 for while it has not yet noticed a node is gone: five tries, a second apart.</summary>
    static async Task<T?> RetryAsync<T>(Func<Task<T>> read, CancellationToken ct) where T : class
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return await read(); }
            catch (HttpRequestException) when (attempt < 5) { await Task.Delay(1000, ct); }
            catch (HttpRequestException) { return null; }
        }
    }

    static async Task<HashSet<string>> VotesInDbAsync(HttpClient http, string id, string key, CancellationToken ct)
    {
        var csv = await http.GetStringAsync($"/api/studies/{id}/votes.csv?key={key}", ct);
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[1]).ToHashSet(StringComparer.Ordinal);
    }
}
