using System.Threading.Channels;
using DisTok.Core.Backbone;

namespace DisTok.Web.Generation;

/// <summary>Validates requests and hands them to <see cref="GenerationWorker"/> in order.</summary>
public sealed class GenerationQueue(IImageGenerator generator)
{
    readonly Channel<GenerationJob> _channel = Channel.CreateBounded<GenerationJob>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.Wait });

    public GeneratorCapabilities Capabilities => generator.Capabilities;

    /// <summary>Jobs waiting to start.</summary>
    public int Depth => _channel.Reader.Count;

    /// <summary>
    /// Queues a render. <paramref name="onChanged"/> is attached before the job can start, so no step is missed.
    /// Throws <see cref="ArgumentException"/> (with a message for the user) for an invalid request, or when the queue is full.
    /// </summary>
    public GenerationJob Enqueue(GenerationRequest request, Action<GenerationJob>? onChanged = null)
    {
        var (steps, _) = generator.Capabilities.Resolve(request);
        var job = new GenerationJob(request, steps);
        if (onChanged is not null) job.Changed += onChanged;
        if (!_channel.Writer.TryWrite(job)) throw new ArgumentException("the generation queue is full; try again in a moment");
        return job;
    }

    internal ChannelReader<GenerationJob> Reader => _channel.Reader;
}
