using DisTok.Core.Backbone;

namespace DisTok.Web.Generation;

/// <summary>Background service that renders queued jobs one at a time and reports every step to the job.</summary>
public sealed class GenerationWorker(GenerationQueue queue, IImageGenerator generator, ILogger<GenerationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            job.Start();
            try
            {
                // The model runs on native threads; keep the request thread pool free.
                var image = await Task.Factory.StartNew(
                    () => generator.Generate(job.Request, new StepReporter(job), stoppingToken),
                    stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                job.Complete(image);
                logger.LogInformation("Rendered {Prompt} seed {Seed} in {Steps} steps, {Ms} ms",
                    job.Request.Prompt, image.Seed, image.Steps, (int)image.Elapsed.TotalMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                job.Fail("the server is shutting down");
                break;
            }
            catch (ArgumentException e)
            {
                job.Fail(e.Message);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Generation failed for {Prompt}", job.Request.Prompt);
                job.Fail("generation failed on the server; see the server log");
            }
        }
    }

    sealed class StepReporter(GenerationJob job) : IProgress<GenerationStep>
    {
        public void Report(GenerationStep value) => job.Report(value);
    }
}
