using DisTok.Core.Backbone;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DisTok.Queue;

/// <summary>
/// One generation worker (`distok worker`): takes jobs from the cluster's queue one at a time, renders them, reports every
/// step to the job's node, keeps a room's image in its history (once, by job id), and only then acknowledges the job.
/// A worker that dies leaves its job pending; another takes it over after <see cref="RedisJobQueue.ClaimAfter"/>.
/// Before each job it checks that the studio nodes still serve the backbone it loaded (by sha256) and stops otherwise.
/// </summary>
public sealed class QueueWorker(RedisJobQueue queue, IImageGenerator generator, RoomStore rooms, string name, string backboneSha256,
    ILogger<QueueWorker> logger)
{
    static readonly TimeSpan Beat = TimeSpan.FromSeconds(2);
    readonly SemaphoreSlim _wake = new(0, 1);
    readonly Lock _gate = new();
    (Delivery Delivery, CancellationTokenSource Cancel)? _current;

    /// <summary>Jobs this worker finished (done, failed or cancelled).</summary>
    public int Finished { get; private set; }

    /// <summary>Takes and renders jobs until <paramref name="stop"/>.</summary>
    /// <exception cref="InvalidOperationException">The studio nodes serve another backbone than this worker loaded.</exception>
    public async Task RunAsync(CancellationToken stop)
    {
        await queue.EnsureGroupAsync();
        var subscriber = queue.Connection.GetSubscriber();
        await subscriber.SubscribeAsync(queue.ChangedChannel, (_, _) => Wake());
        await subscriber.SubscribeAsync(queue.CancelChannel, (_, message) => CancelIfRunning(message));
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var heart = BeatAsync(beating.Token);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await CheckBackboneAsync();
                var delivery = await queue.NextAsync(name);
                if (delivery is null)
                {
                    try { await _wake.WaitAsync(TimeSpan.FromSeconds(1), stop); } catch (OperationCanceledException) { break; }
                    continue;
                }
                await ProcessAsync(delivery, stop);
            }
        }
        finally
        {
            await beating.CancelAsync();
            await heart;
            await subscriber.UnsubscribeAsync(queue.ChangedChannel);
            await subscriber.UnsubscribeAsync(queue.CancelChannel);
        }
    }

    async Task CheckBackboneAsync()
    {
        var served = await queue.BackboneAsync();
        if (served is not null && served != backboneSha256)
            throw new InvalidOperationException($"the studio serves backbone {served[..12]}…, this worker loaded {backboneSha256[..12]}…: "
                + "point the worker at the studio's model store (--models) and start it again");
    }

    async Task ProcessAsync(Delivery delivery, CancellationToken stop)
    {
        if (delivery.Ticket is not { } ticket)
        {
            await queue.FinishAsync(delivery);      // its ticket is gone (finished by another worker's copy): just acknowledge
            return;
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        lock (_gate) _current = (delivery, cancel);
        try
        {
            if (delivery.Redelivered) logger.LogInformation("Took over job {Job} from a worker that stopped renewing it", ticket.Id);
            await queue.PublishAsync(new JobEvent(ticket.Id, JobEventKind.Started, Worker: name));
            var image = await Task.Factory.StartNew(() => generator.Generate(ticket.Request, new StepReporter(queue, ticket.Id, name), cancel.Token),
                cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            long? kept = await KeepAsync(ticket, image);
            await EndAsync(delivery, new JobEvent(ticket.Id, JobEventKind.Done, image.Steps, image.Png, image.Width, image.Height, image.Seed,
                image.Steps, image.Guidance, image.Elapsed.TotalMilliseconds, kept, Worker: name));
            logger.LogInformation("Rendered job {Job} ({Prompt}, seed {Seed}) in {Ms} ms", ticket.Id, ticket.Request.Prompt, image.Seed,
                (int)image.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: not acknowledged, so another worker takes it over.
        }
        catch (OperationCanceledException)
        {
            await EndAsync(delivery, new JobEvent(ticket.Id, JobEventKind.Cancelled, Error: "cancelled", Worker: name));
        }
        catch (ArgumentException e)
        {
            await EndAsync(delivery, new JobEvent(ticket.Id, JobEventKind.Failed, Error: e.Message, Worker: name));
        }
        catch (Exception e) when (e is not RedisException)
        {
            logger.LogError(e, "Job {Job} failed", ticket.Id);
            await EndAsync(delivery, new JobEvent(ticket.Id, JobEventKind.Failed, Error: "generation failed on a worker; see its log", Worker: name));
        }
        finally
        {
            lock (_gate) _current = null;
        }
    }

    /// <summary>A room's job: its image into the room's history, once per job id. Null when not a room's job or the room is gone.</summary>
    async Task<long?> KeepAsync(JobTicket ticket, GeneratedImage image)
    {
        if (ticket.Keep is not { } keep || ticket.RoomId is not { } roomId) return null;
        try
        {
            var stored = await rooms.AddImageAsync(roomId, new RoomImage
            {
                Seed = image.Seed, Steps = image.Steps, Guidance = image.Guidance, Template = keep.Template, DistributionText = keep.DistributionText,
                ModelVersion = keep.ModelVersion, Png = image.Png, CreatedBy = ticket.DisplayName, JobId = ticket.Id,
            });
            return stored.Id;
        }
        catch (Data.Validation.StudioNotFoundException)
        {
            logger.LogInformation("Room {Room} of job {Job} is gone; its image is not kept", roomId, ticket.Id);
            return null;
        }
    }

    /// <summary>Acknowledge first (the image is kept by now, and the client's slot frees), then tell the job's node.</summary>
    async Task EndAsync(Delivery delivery, JobEvent report)
    {
        await queue.FinishAsync(delivery);
        await queue.PublishAsync(report);
        Finished++;
    }

    async Task BeatAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await queue.HeartbeatAsync(name);
                Delivery? running;
                lock (_gate) running = _current?.Delivery;
                if (running is not null) await queue.KeepClaimAsync(name, running);
                await Task.Delay(Beat, ct);
            }
            catch (OperationCanceledException) { break; }
            catch (RedisException e)
            {
                logger.LogWarning("Heartbeat failed: {Message}", e.Message);
                try { await Task.Delay(Beat, ct); } catch (OperationCanceledException) { break; }
            }
        }
    }

    void Wake()
    {
        try { _wake.Release(); } catch (SemaphoreFullException) { }
    }

    void CancelIfRunning(RedisValue message)
    {
        if (!Guid.TryParse((string?)message, out var id)) return;
        lock (_gate)
            if (_current is { } c && c.Delivery.JobId == id) c.Cancel.Cancel();
    }

    sealed class StepReporter(RedisJobQueue queue, Guid jobId, string worker) : IProgress<GenerationStep>
    {
        public void Report(GenerationStep value) =>
            _ = queue.PublishAsync(new JobEvent(jobId, JobEventKind.Step, value.Index, value.PreviewPng, Worker: worker));
    }
}
