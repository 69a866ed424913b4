using DisTok.Core.Backbone;
using DisTok.Queue;
using DisTok.Web.Generation;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Cluster;

/// <summary>
/// A studio node's side of the cluster's generation queue (<c>Studio:Generation = Workers</c>): the node's
/// <see cref="GenerationQueue"/> submits its jobs here instead of rendering them, and this service applies what the
/// workers report (start, every step, the finished image) to the node's own jobs, and renumbers its waiting jobs whenever
/// the cluster's queue changes. At start it publishes the sha256 of the backbone the node serves; workers render only with
/// the same.
/// </summary>
public sealed class RemoteGeneration(RedisJobQueue queue, IOptions<StudioOptions> options, BackboneIdentity backbone,
    ILogger<RemoteGeneration> logger) : BackgroundService
{
    readonly SemaphoreSlim _changed = new(0, 1);
    GenerationQueue? _local;

    /// <summary>The cluster's limits, from the studio's options.</summary>
    public QueueLimits Limits { get; } = new(options.Value.MaxJobsPerClient, options.Value.MaxJobsPerAddress, options.Value.QueueCapacity);

    /// <summary>The Redis queue.</summary>
    public RedisJobQueue Queue => queue;

    /// <summary>Workers that beat within <see cref="RedisJobQueue.WorkerSilence"/> (for the metrics; null when Redis cannot be read).</summary>
    public long? WorkersAlive()
    {
        try { return queue.AliveWorkersAsync().GetAwaiter().GetResult(); }
        catch (StackExchange.Redis.RedisException) { return null; }
    }

    /// <summary>Called by the node's <see cref="GenerationQueue"/> once: the jobs reports are applied to.</summary>
    internal void Attach(GenerationQueue local) => _local = local;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await queue.PublishBackboneAsync(backbone.Sha256);
        var subscriber = queue.Connection.GetSubscriber();
        await subscriber.SubscribeAsync(queue.EventsChannel, (_, message) =>
        {
            if (RedisJobQueue.ReadEvent(message) is { } e) _local?.Apply(e);
        });
        await subscriber.SubscribeAsync(queue.ChangedChannel, (_, _) =>
        {
            try { _changed.Release(); } catch (SemaphoreFullException) { }
        });
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Renumbers the node's waiting jobs after each change of the cluster's queue (coalesced).</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _changed.WaitAsync(stoppingToken);
                if (_local is { } local) local.Renumber(await queue.OrderAsync());
                await Task.Delay(50, stoppingToken);          // coalesce a burst of changes into one renumbering
            }
            catch (OperationCanceledException) { break; }
            catch (StackExchange.Redis.RedisException e) { logger.LogWarning("Could not read the cluster's queue order: {Message}", e.Message); }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var subscriber = queue.Connection.GetSubscriber();
        await subscriber.UnsubscribeAsync(queue.EventsChannel);
        await subscriber.UnsubscribeAsync(queue.ChangedChannel);
        await base.StopAsync(cancellationToken);
    }

    /// <summary>The ticket of a node's job.</summary>
    internal static JobTicket TicketOf(GenerationJob job) =>
        new(job.Id, job.Request with { Steps = job.TotalSteps }, job.Origin.Owner, job.Origin.RoomId, job.Origin.DisplayName, job.Origin.Payer,
            job.Origin.Lane, job.Origin.Group, job.Keep);

    /// <summary>The finished image a worker reported.</summary>
    internal static GeneratedImage ImageOf(JobEvent e) =>
        new(e.Png ?? [], e.Width, e.Height, e.Seed, e.Steps, e.Guidance, TimeSpan.FromMilliseconds(e.ElapsedMs));
}

/// <summary>The sha256 of the text-to-image weights this node serves (from the diffusion model's verified manifest).</summary>
public sealed record BackboneIdentity(string Sha256);
