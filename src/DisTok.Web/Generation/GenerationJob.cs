using DisTok.Core.Backbone;

namespace DisTok.Web.Generation;

/// <summary>One queued render and its live state. <see cref="Changed"/> fires on every step (from the worker thread).</summary>
public sealed class GenerationJob(GenerationRequest request, int steps)
{
    public Guid Id { get; } = Guid.NewGuid();
    public GenerationRequest Request { get; } = request;
    public GenerationStatus Status { get; private set; } = GenerationStatus.Queued;
    public int Step { get; private set; }
    public int TotalSteps { get; } = steps;
    public byte[]? PreviewPng { get; private set; }
    public GeneratedImage? Result { get; private set; }
    public string? Error { get; private set; }

    public event Action<GenerationJob>? Changed;

    internal void Start() { Status = GenerationStatus.Running; Changed?.Invoke(this); }

    internal void Report(GenerationStep step) { Step = step.Index; PreviewPng = step.PreviewPng; Changed?.Invoke(this); }

    internal void Complete(GeneratedImage image) { Result = image; PreviewPng = image.Png; Step = TotalSteps; Status = GenerationStatus.Done; Changed?.Invoke(this); }

    internal void Fail(string message) { Error = message; Status = GenerationStatus.Failed; Changed?.Invoke(this); }
}

public enum GenerationStatus { Queued, Running, Done, Failed }
