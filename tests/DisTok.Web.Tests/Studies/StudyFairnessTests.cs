using DisTok.Core.Backbone;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Generation;
using DisTok.Web.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Studies;

/// <summary>A study of 1,600 renders (8 arms × 200 items) from one account, rendering on the real app while another
/// owner generates: each of that owner's jobs waits for at most one study job.</summary>
public class StudyFairnessTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_1600_render_study_delays_another_owners_generation_by_at_most_one_job()
    {
        var arms = new List<StudyArmDraft>();
        foreach (var (name, method) in new[] { ("d1", "distok"), ("d2", "distok"), ("d3", "distok"), ("d4", "distok"), ("p1", "plain_prompt"),
                     ("p2", "plain_prompt"), ("m1", "embedding_mean"), ("m2", "embedding_mean") })
            arms.Add(new(name, method));
        var items = Enumerable.Range(0, StudyLimits.MaxItems).Select(i => i % 2 == 0 ? "pig=0.5,sheep=0.5" : "owl=0.6,fox=0.4").ToList();
        var studies = Get<StudyStore>();
        var study = await studies.CreateAsync(new StudyDraft("big", "q?", "ok", "a photo of a <*>", 1, false, 0, arms, items), owner: "account:big-lab",
            initial: StudyStatus.Rendering);
        Assert.Equal(1600, study.Arms.Count * study.Items.Count);
        var renderer = Get<StudyRenderer>();
        renderer.Wake();
        var queue = Get<GenerationQueue>();
        // Wait until the study is rendering, then probe with another owner's renders, one at a time.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            while ((renderer.StateOf(study.Id)?.Done ?? 0) < 3) await Task.Delay(20, timeout.Token);
        for (int probe = 0; probe < 10; probe++)
        {
            var started = new TaskCompletionSource<int>();
            var mine = queue.Enqueue(new GenerationRequest("a photo of a fox", probe, 4), new JobOrigin("someone-else", Payer: "address:198.51.100.7"),
                j => { if (j.Status == GenerationStatus.Running) started.TrySetResult(renderer.StateOf(study.Id)!.Done); });
            int doneWhenQueued = renderer.StateOf(study.Id)!.Done;
            // Ahead of mine in the queue (the running job first, then the waiting line): at most one study job, running
            // or about to be taken by the worker; the study never has more than one job in the queue.
            var ahead = queue.Snapshot().TakeWhile(j => j != mine).ToList();
            Assert.True(ahead.Count <= 1,
                $"{ahead.Count} jobs ahead of a person's render: {string.Join(", ", ahead.Select(j => $"{j.Origin.Owner} {j.Status}"))}");
            int doneWhenStarted = await started.Task.WaitAsync(TimeSpan.FromMinutes(1));
            // And no study job ran before mine after it was queued: at most the one already running finished meanwhile.
            Assert.InRange(doneWhenStarted - doneWhenQueued, 0, 1);
            await mine.Finished.WaitAsync(TimeSpan.FromMinutes(1));
        }
        Assert.True(renderer.StateOf(study.Id)!.Done < 1600, "the study finished before the probes: they measured nothing");
    }
}
