using DisTok.Core.Backbone;
using DisTok.Web.Generation;
using DisTok.Web.Training;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Training;

/// <summary>Background renders give way: one in progress is abandoned when a person's job is queued, and runs again after it.</summary>
public class GenerationGateTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task A_background_render_gives_way_to_a_queued_job_and_starts_again_after_it()
    {
        var gate = app.Services.GetRequiredService<GenerationGate>();
        var queue = app.Services.GetRequiredService<GenerationQueue>();
        var attempts = new List<(bool Cancelled, bool JobDoneAtStart)>();
        var started = new TaskCompletionSource();
        GenerationJob? job = null;
        using var stop = new CancellationTokenSource();

        var background = Task.Run(() => gate.Run(ct =>
        {
            attempts.Add((false, job?.IsFinished == true));
            started.TrySetResult();
            try { Task.Delay(TimeSpan.FromSeconds(20), ct).Wait(ct); }
            catch (OperationCanceledException) { attempts[^1] = (true, attempts[^1].JobDoneAtStart); throw; }
            return attempts.Count;
        }, stop.Token));

        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        job = queue.Enqueue(new GenerationRequest("a photo of a pig", Seed: 3, Steps: 4));
        await job.Finished.WaitAsync(TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (attempts.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.True(attempts.Count >= 2, "the render started again after the job");
        Assert.True(attempts[0].Cancelled, "the first attempt was abandoned when the job was queued");
        Assert.True(attempts[1].JobDoneAtStart, "the second attempt waited for the job to finish");
        Assert.Equal(GenerationStatus.Done, job.Status);
        stop.Cancel();                                                    // the retry would wait 20 s: end it
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => background);
    }

    [Fact]
    public void A_cancelled_background_render_ends_with_OperationCanceledException()
    {
        var gate = app.Services.GetRequiredService<GenerationGate>();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => gate.Run(_ => 1, cancel.Token));
    }
}
