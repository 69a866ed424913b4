using DisTok.Core.Backbone;
using DisTok.Core.Distributions;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.ML.DisTok;
using DisTok.Queue;
using DisTok.Web.Generation;
using DisTok.Web.Models;

namespace DisTok.Web.Rooms;

/// <summary>
/// Renders a room's blend: normalise the weights → DisTok token → a queued job with the room's template, shown to
/// every member; the finished image is stored in the room's history (seed, distribution, template, model version)
/// and pushed to every member. Storing happens here, not in a page, so it happens even if the person left.
/// </summary>
public sealed class RoomGeneration(GenerationQueue queue, ServedDisTok distok, RoomStore store, TokenLibrary library, RoomHubState hub,
    ILogger<RoomGeneration> logger)
{
    /// <summary>Why generating is off (no DisTok model), or null when it is on.</summary>
    public string? Unavailable => distok.Problem;

    /// <summary>Queues a render of the room as it is: its concepts and saved tokens blended (<see cref="RoomBlend"/>).</summary>
    /// <param name="room">The room (its weights and template).</param>
    /// <param name="seed">Noise seed.</param>
    /// <param name="steps">Denoising steps.</param>
    /// <param name="origin">Who asks; its room id must be the room's.</param>
    /// <param name="ct">Cancels resolving the blend.</param>
    /// <exception cref="InvalidDistributionException">The weights can't be blended (none, all zero, unknown, a saved token gone or without a DisTok source).</exception>
    /// <exception cref="ArgumentException">Bad seed, steps or template, or no DisTok model.</exception>
    /// <exception cref="GenerationLimitException">The person has too many jobs, or the queue is full.</exception>
    public async Task<RoomGenerationStart> StartAsync(Room room, int seed, int steps, JobOrigin origin, CancellationToken ct = default)
    {
        if (origin.RoomId != room.Id) throw new ArgumentException("the job's room is not this room");
        if (!distok.TryGet(out var model, out var problem)) throw new ArgumentException(problem);
        var blend = await RoomBlend.ResolveAsync(room.Weights.Select(w => (w.Key, w.Weight)).ToList(), model, library, ct);
        var template = room.Template;
        var keep = new JobKeep(template, blend.Text, "distok " + model.Stamp.Version);   // how a worker labels the image it keeps
        var job = queue.Enqueue(new GenerationRequest(template, seed, steps, Token: model.Decode(blend.Latent)), origin, keep: keep);
        _ = job.Finished.ContinueWith(_ => StoreAsync(job, template, blend.Text, model.Stamp.Version), TaskScheduler.Default);
        hub.Track(room.Id, job);
        return new RoomGenerationStart(job, blend);
    }

    async Task StoreAsync(GenerationJob job, string template, string blendText, string modelVersion)
    {
        if (job.Result is not { } result || job.Origin.RoomId is not { } roomId) return;
        try // background work: nobody awaits it, so every failure is logged here
        {
            if (job.Remote)
            {
                // A worker kept the image already (once, by job id); tell the room's members.
                if (job.KeptImageId is { } id) hub.Publish(roomId, new RoomNotice(RoomNoticeKind.ImageAdded, Image: await store.GetImageAsync(roomId, id)));
                return;
            }
            var image = await store.AddImageAsync(roomId, new RoomImage
            {
                Seed = result.Seed,
                Steps = result.Steps,
                Guidance = result.Guidance,
                Template = template,
                DistributionText = blendText,
                ModelVersion = "distok " + modelVersion,
                Png = result.Png,
                CreatedBy = job.Origin.DisplayName,
            });
            hub.Publish(roomId, new RoomNotice(RoomNoticeKind.ImageAdded, Image: image));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not keep the image of job {Job} in room {Room}", job.Id, roomId);
        }
    }
}
