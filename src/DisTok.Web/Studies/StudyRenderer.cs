using System.Collections.Concurrent;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Web.Generation;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Studies;

/// <summary>How far a study's rendering is.</summary>
/// <param name="Done">Images stored.</param>
/// <param name="Total">Arms × items.</param>
/// <param name="Problem">Why rendering stopped, or null.</param>
public sealed record StudyRenderState(int Done, int Total, string? Problem);

/// <summary>
/// Background service that renders every arm × item image of studies in the Rendering state, through the shared
/// generation queue one image at a time (so rooms keep their turn), stores each, and opens the study when all are
/// there. It resumes after a restart (the missing images are read from the database). <see cref="Changed"/> tells
/// pages about progress.
/// </summary>
public sealed class StudyRenderer(StudyStore studies, StudyArmRequests requests, GenerationQueue queue, IOptions<StudioOptions> options,
    ILogger<StudyRenderer> logger) : BackgroundService
{
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
            try
            {
                foreach (var id in await studies.RenderingAsync(stoppingToken))
                    if (StateOf(id)?.Problem is null) await RenderAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) { logger.LogError(e, "Study rendering failed"); }
            try { await _wake.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    async Task RenderAsync(string studyId, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        int total = study.Arms.Count * study.Items.Count;
        var missing = await studies.MissingImagesAsync(studyId, ct);
        Report(studyId, new(total - missing.Count, total, null));
        int steps = Math.Clamp(options.Value.DefaultSteps, queue.Capabilities.MinSteps, queue.Capabilities.MaxSteps);
        foreach (var (arm, item) in missing)
        {
            try
            {
                var request = await requests.ForAsync(study, study.Arms[arm], study.Items[item], steps, ct);
                var job = await EnqueueAsync(request, studyId, ct);
                await job.Finished.WaitAsync(ct);
                if (job.Result is not { } result) throw new ArgumentException($"arm {arm + 1}, item {item + 1}: {job.Error}");
                await studies.SaveImageAsync(studyId, arm, item, result.Png, ct);
                var state = StateOf(studyId)!;
                Report(studyId, state with { Done = state.Done + 1 });
            }
            catch (ArgumentException e)
            {
                Report(studyId, StateOf(studyId)! with { Problem = e.Message });
                logger.LogWarning("Study {Study} stopped rendering: {Problem}", studyId, e.Message);
                return;
            }
        }
        await studies.SetStatusAsync(studyId, study.OwnerKey, StudyStatus.Open, ct);
        Report(studyId, StateOf(studyId)!);
    }

    /// <summary>Queues a render for the study, waiting while the queue is full (the study waits its turn, it is not refused).</summary>
    async Task<GenerationJob> EnqueueAsync(Core.Backbone.GenerationRequest request, string studyId, CancellationToken ct)
    {
        while (true)
        {
            try { return queue.Enqueue(request, new JobOrigin("study:" + studyId, DisplayName: "study")); }
            catch (GenerationLimitException) { await Task.Delay(500, ct); }
        }
    }

    void Report(string studyId, StudyRenderState state)
    {
        _states[studyId] = state;
        Changed?.Invoke(studyId);
    }
}
