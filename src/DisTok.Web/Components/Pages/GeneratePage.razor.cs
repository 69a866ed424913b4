using DisTok.Core.Backbone;
using DisTok.Web.Generation;
using DisTok.Web.Identity;
using Microsoft.AspNetCore.Components;

namespace DisTok.Web.Components.Pages;

/// <summary>The first page: a prompt rendered through the backbone, with seed, steps and guidance.</summary>
public partial class GeneratePage
{
    [Inject] GenerationQueue Queue { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    string Prompt { get; set; } = "a photo of a pig";
    int Seed { get; set; }
    int Steps { get; set; }
    float Guidance { get; set; }
    GenerationJob? Job { get; set; }
    string? ErrorMessage { get; set; }

    GeneratorCapabilities Capabilities => Queue.Capabilities;
    bool Busy => Job?.Status is GenerationStatus.Queued or GenerationStatus.Running;

    string StatusText => Job!.Status switch
    {
        GenerationStatus.Queued => $"queued, position {Job.QueuePosition}",
        GenerationStatus.Running => $"step {Job.Step} of {Job.TotalSteps}",
        GenerationStatus.Done => $"done: {Job.TotalSteps} steps, seed {Job.Result!.Seed}, {Job.Result.Elapsed.TotalMilliseconds:0} ms",
        GenerationStatus.Cancelled => "cancelled",
        _ => "failed",
    };

    protected override void OnInitialized()
    {
        Steps = Capabilities.DefaultSteps;
        Guidance = Capabilities.DefaultGuidance;
    }

    Task GenerateAsync()
    {
        ErrorMessage = null;
        try
        {
            Detach();
            var origin = User is null ? JobOrigin.Anonymous : new JobOrigin(User.ClientId, DisplayName: User.DisplayName, Payer: User.Payer);
            Job = Queue.Enqueue(new GenerationRequest(Prompt, Seed, Steps, Guidance), origin, OnJobChanged);
        }
        catch (ArgumentException e)
        {
            ErrorMessage = e.Message;
        }
        return Task.CompletedTask;
    }

    void Cancel()
    {
        if (Job is not null && User is not null) Queue.Cancel(Job.Id, User.ClientId);
    }

    void OnJobChanged(GenerationJob job)
    {
        if (job.Status == GenerationStatus.Failed) ErrorMessage = job.Error;
        _ = InvokeAsync(StateHasChanged);
    }

    void Detach()
    {
        if (Job is not null) Job.Changed -= OnJobChanged;
    }

    public void Dispose() => Detach();
}
