using DisTok.Core.Backbone;
using DisTok.Queue;

namespace DisTok.Web.Generation;

/// <summary>
/// One queued render and its live state. <see cref="Changed"/> fires on every step and every change of status or
/// queue position, from the worker's or the queue's thread; handlers must be quick and must not throw.
/// </summary>
public sealed class GenerationJob
{
    readonly CancellationTokenSource _cancel = new();
    readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal GenerationJob(GenerationRequest request, int steps, JobOrigin origin, Guid? id = null)
    {
        Request = request;
        TotalSteps = steps;
        Origin = origin;
        Id = id ?? Guid.NewGuid();
    }

    /// <summary>The job's id.</summary>
    public Guid Id { get; }

    /// <summary>What to render.</summary>
    public GenerationRequest Request { get; }

    /// <summary>Who queued it and for which room.</summary>
    public JobOrigin Origin { get; }

    /// <summary>Where the job is.</summary>
    public GenerationStatus Status { get; private set; } = GenerationStatus.Queued;

    /// <summary>1-based place among the waiting jobs while queued; 0 once it has left the queue.</summary>
    public int QueuePosition { get; private set; }

    /// <summary>The last finished denoising step.</summary>
    public int Step { get; private set; }

    /// <summary>Steps in all.</summary>
    public int TotalSteps { get; }

    /// <summary>The latest step's preview, then the final image.</summary>
    public byte[]? PreviewPng { get; private set; }

    /// <summary>The finished image, when <see cref="Status"/> is <see cref="GenerationStatus.Done"/>.</summary>
    public GeneratedImage? Result { get; private set; }

    /// <summary>Why it failed, when <see cref="Status"/> is <see cref="GenerationStatus.Failed"/>.</summary>
    public string? Error { get; private set; }

    /// <summary>True once done, failed or cancelled.</summary>
    public bool IsFinished => Status is GenerationStatus.Done or GenerationStatus.Failed or GenerationStatus.Cancelled;

    /// <summary>Set for a room's job handed to the cluster's workers: the worker keeps the image in the room's history.</summary>
    public JobKeep? Keep { get; init; }

    /// <summary>The room history's id of the image a worker kept, once done.</summary>
    public long? KeptImageId { get; internal set; }

    /// <summary>True when the job went to the cluster's workers rather than this process's renderer.</summary>
    public bool Remote { get; internal set; }

    /// <summary>Completes when the job is finished, however it ended.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Raised on every change.</summary>
    public event Action<GenerationJob>? Changed;

    internal CancellationToken CancellationToken => _cancel.Token;

    internal bool MoveTo(int position)
    {
        if (position == QueuePosition) return false;
        QueuePosition = position;
        return true;
    }

    internal void RaiseChanged() => Changed?.Invoke(this);

    internal void RequestCancel() => _cancel.Cancel();

    internal void Start() { QueuePosition = 0; Status = GenerationStatus.Running; RaiseChanged(); }

    internal void Report(GenerationStep step) { Step = step.Index; PreviewPng = step.PreviewPng; RaiseChanged(); }

    internal void Complete(GeneratedImage image)
    {
        Result = image;
        PreviewPng = image.Png;
        Step = TotalSteps;
        End(GenerationStatus.Done);
    }

    internal void Fail(string message) { Error = message; End(GenerationStatus.Failed); }

    internal void MarkCancelled() { Error = "cancelled"; End(GenerationStatus.Cancelled); }

    /// <summary>Sets a mirror of a job that runs on another studio node to the state that node reported.</summary>
    internal void Mirror(GenerationStatus status, int position, int step, byte[]? previewPng, GeneratedImage? result, string? error)
    {
        QueuePosition = position;
        Step = step;
        PreviewPng = previewPng ?? PreviewPng;
        Result = result;
        Error = error;
        if (status is GenerationStatus.Done or GenerationStatus.Failed or GenerationStatus.Cancelled) End(status);
        else { Status = status; RaiseChanged(); }
    }

    void End(GenerationStatus status)
    {
        QueuePosition = 0;
        Status = status;
        RaiseChanged();
        _finished.TrySetResult();
    }
}
