using System.Threading.Channels;
using DisTok.Web.Generation;
using Microsoft.AspNetCore.SignalR;

namespace DisTok.Web.Hubs;

/// <summary>
/// Forwards a job's changes to one hub connection as <see cref="HubProgress"/> events, in order: the job's thread only
/// writes to an in-memory channel, and one pump sends them one after another. Ends after the job's last event.
/// </summary>
public sealed class HubProgressForwarder
{
    /// <summary>The client method the events are sent to.</summary>
    public const string Method = "progress";

    readonly Channel<HubProgress> _events = Channel.CreateUnbounded<HubProgress>(new() { SingleReader = true });

    /// <summary>Starts the pump that sends to <paramref name="client"/>; send failures (the client left) end it quietly.</summary>
    public HubProgressForwarder(IClientProxy client, ILogger logger) => _ = PumpAsync(client, logger);

    /// <summary>Attach to <see cref="GenerationJob.Changed"/>.</summary>
    public void OnChanged(GenerationJob job)
    {
        bool final = job.IsFinished;
        _events.Writer.TryWrite(new HubProgress(job.Id.ToString(), job.Status.ToString().ToLowerInvariant(), job.Step, job.TotalSteps,
            job.QueuePosition,
            job.Status == GenerationStatus.Running && job.PreviewPng is { } preview ? Convert.ToBase64String(preview) : null,
            job.Result is { } result ? Convert.ToBase64String(result.Png) : null,
            job.Error));
        if (final) _events.Writer.TryComplete();
    }

    async Task PumpAsync(IClientProxy client, ILogger logger)
    {
        try
        {
            await foreach (var progress in _events.Reader.ReadAllAsync())
                await client.SendAsync(Method, progress);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Progress could not be sent; the hub client has probably left");
        }
    }
}
