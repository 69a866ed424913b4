using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace DisTok.Queue;

/// <summary>
/// The cluster's generation queue on Redis. Studio nodes <see cref="SubmitAsync">submit</see> jobs under cluster-wide limits
/// and fairness (<see cref="QueueScripts"/>); workers take them onto a stream read by the consumer group <c>workers</c>, keep
/// their claim alive while rendering, and <see cref="FinishAsync">acknowledge</see> a job only after its image is kept. A job
/// whose worker stops renewing its claim for <see cref="ClaimAfter"/> is taken over by another worker (XAUTOCLAIM). Workers
/// report on <see cref="EventsChannel"/>; owners cancel running jobs on <see cref="CancelChannel"/>.
/// </summary>
public sealed class RedisJobQueue(IConnectionMultiplexer redis, string prefix = RedisJobQueue.DefaultPrefix)
{
    /// <summary>The key prefix in production.</summary>
    public const string DefaultPrefix = "distok:gen:";

    /// <summary>The stream's consumer group.</summary>
    public const string Group = "workers";

    /// <summary>A taken job whose claim is this old is redelivered to another worker.</summary>
    public TimeSpan ClaimAfter { get; init; } = TimeSpan.FromSeconds(15);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    IDatabase Db => redis.GetDatabase();
    RedisKey Stream => prefix + "stream";

    /// <summary>Where workers publish <see cref="JobEvent"/>s.</summary>
    public RedisChannel EventsChannel => RedisChannel.Literal(prefix + "events");

    /// <summary>Where a running job's cancellation is asked for (the job id).</summary>
    public RedisChannel CancelChannel => RedisChannel.Literal(prefix + "cancel");

    /// <summary>Published whenever the waiting jobs change (nodes renumber, idle workers wake).</summary>
    public RedisChannel ChangedChannel => RedisChannel.Literal(prefix + "changed");

    /// <summary>The connection (for subscribing).</summary>
    public IConnectionMultiplexer Connection => redis;

    /// <summary>Queues a job unless its client, its payer or the queue is full (checked and added in one step).</summary>
    /// <returns>The admission and, when refused, the count that was at its limit.</returns>
    public async Task<(Admission Admission, long Count)> SubmitAsync(JobTicket ticket, QueueLimits limits)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(QueueScripts.Submit, values:
        [
            prefix, ticket.Id.ToString(), JsonSerializer.Serialize(ticket, Json), ticket.Lane, ticket.Group, ticket.Owner, ticket.Payer ?? "",
            limits.PerClient, limits.PerPayer, limits.Capacity,
        ]))!;
        var admission = (Admission)(int)result[0];
        if (admission == Admission.Admitted) await Db.PublishAsync(ChangedChannel, "submit");
        return (admission, (long)result[1]);
    }

    /// <summary>Removes a job that still waits; false when it was already taken (or gone).</summary>
    public async Task<bool> RemoveWaitingAsync(JobTicket ticket)
    {
        var removed = (int)await Db.ScriptEvaluateAsync(QueueScripts.Remove, values:
            [prefix, ticket.Id.ToString(), ticket.Lane, ticket.Group, ticket.Owner, ticket.Payer ?? ""]) == 1;
        if (removed) await Db.PublishAsync(ChangedChannel, "remove");
        return removed;
    }

    /// <summary>Asks whichever worker runs the job to stop it.</summary>
    public Task RequestCancelAsync(Guid jobId) => Db.PublishAsync(CancelChannel, jobId.ToString());

    /// <summary>Jobs waiting to be taken, cluster-wide.</summary>
    public async Task<long> WaitingAsync() => (long?)await Db.StringGetAsync(prefix + "waiting") ?? 0;

    /// <summary>Jobs taken and not yet acknowledged (running, or held by a worker that died).</summary>
    public async Task<long> PendingAsync()
    {
        try { return (await Db.StreamPendingAsync(Stream, Group)).PendingMessageCount; }
        catch (RedisServerException e) when (e.Message.Contains("NOGROUP", StringComparison.Ordinal)) { return 0; }
    }

    /// <summary>Jobs taken over from a worker that went silent, since the queue began.</summary>
    public async Task<long> RedeliveredAsync() => (long?)await Db.StringGetAsync(prefix + "redelivered") ?? 0;

    /// <summary>Every waiting job id in the order workers will take them (<see cref="FairOrder"/>).</summary>
    public async Task<IReadOnlyList<string>> OrderAsync()
    {
        var groups = (RedisResult[])(await Db.ScriptEvaluateAsync(QueueScripts.Snapshot, values: [prefix]))!;
        return FairOrder.Of(groups.Select(g =>
        {
            var parts = (RedisResult[])g!;
            var lanes = parts.Skip(2).Select(l =>
            {
                var lane = (RedisResult[])l!;
                return new FairOrder.Lane((string)lane[0]!, Score(lane[1]), ((RedisResult[])lane[2]!).Select(id => (string)id!).ToArray());
            }).ToArray();
            return new FairOrder.Group((string)parts[0]!, Score(parts[1]), lanes);
        }).ToArray());
    }

    static double Score(RedisResult r) => double.Parse((string)r!, CultureInfo.InvariantCulture);

    /// <summary>Creates the stream and its consumer group when missing.</summary>
    public async Task EnsureGroupAsync()
    {
        try { await Db.StreamCreateConsumerGroupAsync(Stream, Group, "0-0", createStream: true); }
        catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal)) { }
    }

    /// <summary>
    /// The next job for <paramref name="worker"/>: first one whose worker stopped renewing its claim (redelivery), then one
    /// already on the stream, then the next by the fairness rule. Null when nothing waits.
    /// </summary>
    public async Task<Delivery?> NextAsync(string worker)
    {
        var stale = await Db.StreamAutoClaimAsync(Stream, Group, worker, (long)ClaimAfter.TotalMilliseconds, "0-0", 1);
        // (An empty reply may come back as one empty entry; only an entry with a job id counts.)
        foreach (var claimed in stale.ClaimedEntries)
            if (JobIdOf(claimed) is { } id)
            {
                await Db.StringIncrementAsync(prefix + "redelivered");
                return await DeliveryAsync(claimed, id, redelivered: true);
            }
        if (await ReadFreshAsync(worker) is { } waiting) return waiting;
        if ((await Db.ScriptEvaluateAsync(QueueScripts.Take, values: [prefix])).IsNull) return null;
        await Db.PublishAsync(ChangedChannel, "take");
        return await ReadFreshAsync(worker);          // null when another worker read the entry first
    }

    /// <summary>The oldest entry of the stream no worker has read yet, now this worker's.</summary>
    async Task<Delivery?> ReadFreshAsync(string worker)
    {
        foreach (var entry in await Db.StreamReadGroupAsync(Stream, Group, worker, ">", count: 1))
            if (JobIdOf(entry) is { } id) return await DeliveryAsync(entry, id, redelivered: false);
        return null;
    }

    static string? JobIdOf(StreamEntry entry) =>
        entry.IsNull || entry.Values is not { Length: > 0 } || (string?)entry["id"] is not { Length: > 0 } id ? null : id;

    async Task<Delivery> DeliveryAsync(StreamEntry entry, string id, bool redelivered)
    {
        var json = (string?)await Db.StringGetAsync(prefix + "job:" + id);
        var ticket = json is null ? null : JsonSerializer.Deserialize<JobTicket>(json, Json);
        return new Delivery(entry.Id!, Guid.Parse(id), ticket, redelivered);
    }

    /// <summary>Renews the worker's claim on a job it is rendering (resets its idle time), so it is not redelivered.</summary>
    public Task KeepClaimAsync(string worker, Delivery delivery) =>
        Db.StreamClaimIdsOnlyAsync(Stream, Group, worker, 0, [delivery.EntryId]);

    /// <summary>Acknowledges a taken job and frees its client's and payer's share.</summary>
    /// <returns>False when it had been acknowledged already (by another worker that finished a redelivered copy).</returns>
    public async Task<bool> FinishAsync(Delivery delivery)
    {
        var t = delivery.Ticket;
        return (int)await Db.ScriptEvaluateAsync(QueueScripts.Finish, values:
            [prefix, delivery.EntryId, delivery.JobId.ToString(), t?.Owner ?? "", t?.Payer ?? ""]) == 1;
    }

    /// <summary>Publishes a worker's report about a job.</summary>
    public Task PublishAsync(JobEvent e) => Db.PublishAsync(EventsChannel, JsonSerializer.Serialize(e, Json));

    /// <summary>Reads a published report.</summary>
    public static JobEvent? ReadEvent(RedisValue message) => JsonSerializer.Deserialize<JobEvent>((string)message!, Json);

    /// <summary>Marks a worker alive now (a hash of worker name → Unix milliseconds).</summary>
    public Task HeartbeatAsync(string worker) =>
        Db.HashSetAsync(prefix + "workers", worker, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    /// <summary>A worker that has not beaten for this long counts as gone.</summary>
    public static readonly TimeSpan WorkerSilence = TimeSpan.FromSeconds(10);

    /// <summary>Workers that beat within <see cref="WorkerSilence"/>.</summary>
    public async Task<int> AliveWorkersAsync()
    {
        var now = DateTimeOffset.UtcNow;
        return (await Db.HashGetAllAsync(prefix + "workers"))
            .Count(e => now - DateTimeOffset.FromUnixTimeMilliseconds((long)e.Value) < WorkerSilence);
    }

    /// <summary>Studio nodes publish the sha256 of the text-to-image weights they serve; workers render only with the same.</summary>
    public Task PublishBackboneAsync(string sha256) => Db.StringSetAsync(prefix + "backbone", sha256);

    /// <summary>The backbone sha256 the studio nodes serve, or null when no node has started.</summary>
    public async Task<string?> BackboneAsync() => (string?)await Db.StringGetAsync(prefix + "backbone");
}

/// <summary>A job taken by a worker: its stream entry, id and ticket (null when the job was removed meanwhile).</summary>
public sealed record Delivery(string EntryId, Guid JobId, JobTicket? Ticket, bool Redelivered);
