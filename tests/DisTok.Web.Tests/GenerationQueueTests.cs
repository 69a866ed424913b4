using DisTok.Core.Backbone;
using DisTok.Web.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests;

public class GenerationQueueTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    GenerationQueue Queue => app.Services.GetRequiredService<GenerationQueue>();

    [Theory]
    [InlineData("", 0, 4, "the prompt is empty")]
    [InlineData("a pig", -1, 4, "seed must be between")]
    [InlineData("a pig", 0, 0, "steps must be between")]
    [InlineData("a pig", 0, 100000, "steps must be between")]
    [InlineData("a photo of a <*>", 0, 4, "no token was given")]
    public void Bad_requests_are_refused_with_a_message_and_nothing_is_queued(string prompt, int seed, int steps, string message)
    {
        int before = Queue.Depth;
        var e = Assert.Throws<ArgumentException>(() => Queue.Enqueue(new GenerationRequest(prompt, seed, steps)));
        Assert.Contains(message, e.Message);
        Assert.Equal(before, Queue.Depth);
    }

    [Fact]
    public void Bad_guidance_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Queue.Enqueue(new GenerationRequest("a pig", 0, 4, float.NaN)));
        Assert.Contains("guidance must be between", e.Message);
    }

    [Fact]
    public async Task A_job_reports_every_step_with_a_preview_and_ends_with_a_png()
    {
        var steps = new List<int>();
        var done = new TaskCompletionSource();
        var job = Queue.Enqueue(new GenerationRequest("a photo of a pig", Seed: 5, Steps: 4), job =>
        {
            lock (steps) if (job.Status == GenerationStatus.Running && job.PreviewPng is not null) steps.Add(job.Step);
            if (job.Status is GenerationStatus.Done or GenerationStatus.Failed) done.TrySetResult();
        });
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(GenerationStatus.Done, job.Status);
        Assert.Equal([1, 2, 3, 4], steps.Distinct());
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, job.Result!.Png[..4]);
    }
}
