using System.Collections.Concurrent;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Web.Generation;
using DisTok.Data;
using DisTok.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Studies;

/// <summary>How far a study's rendering is.</summary>
/// <param name="Done">Images stored.</param>
/// <param name="Total">Arms × items.</param>
/// <param name="Problem">Why rendering stopped, or null.</param>
public sealed record StudyRenderState(int Done, int Total, string? Problem);

/// <summary>
/// Background service that renders every arm × item image of studies in the Rendering state through the shared
/// generation queue, stores each, and opens a study when all its images are there. Studies take turns, one image each
/// per round, so a large study does not hold back a small one; each image is one job of the study owner's share of the
/// queue (<see cref="JobOrigin.Payer"/>: the owner's account), so it waits its turn like anyone's and never delays
/// another person's generation by more than the job already running. It resumes after a restart (the missing images
/// are read from the database). <see cref="Changed"/> tells pages about progress. In a cluster one node at a time renders
/// (<see cref="LeaderKey"/>); the progress it reports is live on that node, the others show what the database holds.
/// </summary>
public sealed class StudyRenderer(StudyStore studies, StudyArmRequests requests, GenerationQueue queue, IOptions<StudioOptions> options,
    IDbContextFactory<StudioDbContext> contexts, ILogger<StudyRenderer> logger) : BackgroundService
{
    /// <summary>The advisory lock key of the study renderers' leader ("DisTokS" in ASCII): in a cluster one node renders
    /// studies at a time, the others wait (a study's images are never rendered twice over); if it dies another takes over.</summary>
    public const long LeaderKey = 0x44_69_53_54_6F_6B_53;

    readonly DatabaseLeader _leader = new(contexts, LeaderKey);
    readonly SemaphoreSlim _wake = new(0);
    readonly ConcurrentDictionary<string, StudyRenderState> _states = new(StringComparer.Ordinal);

    /// <summary>Raised with a study id whenever its rendering moves.</summary>
    public event Action<string>? Changed;

    /// <summary>The study's rendering state, or null when none is known since start.</summary>
    public StudyRenderState? StateOf(string studyId) => _states.GetValueOrDefault(studyId);

    /// <summary>Tells the service a study has started rendering.</summary>
    public void Wake() => _wake.Release();

    /// <summary>Forgets why a study's rendering stopped and tries the missing images again.</summary>
    public void Retry(string studyId)
    {
        _states.TryRemove(studyId, out _);
        Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool rendered = false;
            try
            {
                if (!await _leader.TryLeadAsync(stoppingToken))
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);   // another node renders the studies
                    continue;
                }
                // One round: the next image of every study that is rendering and has not stopped on a problem.
                foreach (var id in await studies.RenderingAsync(stoppingToken))
                    if (StateOf(id)?.Problem is null) rendered |= await RenderNextAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) { logger.LogError(e, "Study rendering failed"); }
            if (rendered) continue;
            try { await _wake.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        await _leader.DisposeAsync();
    }

    /// <summary>Renders and stores the study's next missing image, or opens it when none is missing.</summary>
    /// <returns>True when an image was rendered.</returns>
    async Task<bool> RenderNextAsync(string studyId, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        int total = study.Arms.Count * study.Items.Count;
        var missing = await studies.MissingImagesAsync(studyId, ct);
        Report(studyId, new(total - missing.Count, total, null));
        if (missing.Count == 0)
        {
            await studies.SetStatusAsync(studyId, study.OwnerKey, StudyStatus.Open, ct);
            Report(studyId, StateOf(studyId)!);
            return false;
        }
        var (arm, item) = missing[0];
        int steps = Math.Clamp(options.Value.DefaultSteps, queue.Capabilities.MinSteps, queue.Capabilities.MaxSteps);
        try
        {
            var request = await requests.ForAsync(study, study.Arms[arm], study.Items[item], steps, ct);
            var job = await EnqueueAsync(request, study, ct);
            await job.Finished.WaitAsync(ct);
            if (job.Result is not { } result) throw new ArgumentException($"arm {arm + 1}, item {item + 1}: {job.Error}");
            await studies.SaveImageAsync(studyId, arm, item, result.Png, ct);
            Report(studyId, new(total - missing.Count + 1, total, null));
            return true;
        }
        catch (ArgumentException e)
        {
            Report(studyId, StateOf(studyId)! with { Problem = e.Message });
            logger.LogWarning("Study {Study} stopped rendering: {Problem}", studyId, e.Message);
            return false;
        }
    }

    /// <summary>Queues a render for the study in its owner's share, waiting while that share or the queue is full (the
    /// study waits its turn, it is not refused).</summary>
    async Task<GenerationJob> EnqueueAsync(Core.Backbone.GenerationRequest request, Study study, CancellationToken ct)
    {
        var origin = new JobOrigin("study:" + study.Id, DisplayName: "study", Payer: study.Owner ?? "study:" + study.Id);
        while (true)
        {
            try { return queue.Enqueue(request, origin); }
            catch (GenerationLimitException) { await Task.Delay(500, ct); }
        }
    }

    void Report(string studyId, StudyRenderState state)
    {
        _states[studyId] = state;
        Changed?.Invoke(studyId);
    }
}
