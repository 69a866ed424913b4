using DisTok.Core.Backbone;

namespace DisTok.Web.Generation;

/// <summary>Background service that renders jobs one at a time, in the queue's fair order, and reports every step to the job.</summary>
public sealed class GenerationWorker(GenerationQueue queue, IImageGenerator generator, ILogger<GenerationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            GenerationJob job;
            try { job = await queue.TakeAsync(stoppingToken); }
            catch (OperationCanceledException) { break; }
            await RunAsync(job, stoppingToken);
        }
    }

    async Task RunAsync(GenerationJob job, CancellationToken stoppingToken)
    {
        job.Start();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, job.CancellationToken);
        try
        {
            linked.Token.ThrowIfCancellationRequested();
            // The model runs on native threads; keep the request thread pool free.
            var image = await Task.Factory.StartNew(
                () => generator.Generate(job.Request, new StepReporter(job), linked.Token),
                linked.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            queue.Release(job);
            job.Complete(image);
            logger.LogInformation("Rendered {Prompt} seed {Seed} in {Steps} steps, {Ms} ms",
                job.Request.Prompt, image.Seed, image.Steps, (int)image.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (job.CancellationToken.IsCancellationRequested)
        {
            queue.Release(job);
            job.MarkCancelled();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            queue.Release(job);
            job.Fail("the server is shutting down");
        }
        catch (ArgumentException e)
        {
            queue.Release(job);
            job.Fail(e.Message);
        }
        catch (Exception e)
        {
            queue.Release(job);
            logger.LogError(e, "Generation failed for {Prompt}", job.Request.Prompt);
            job.Fail("generation failed on the server; see the server log");
        }
    }

    sealed class StepReporter(GenerationJob job) : IProgress<GenerationStep>
    {
        public void Report(GenerationStep value) => job.Report(value);
    }
}
