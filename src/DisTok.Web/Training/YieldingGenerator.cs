using DisTok.Core.Backbone;

namespace DisTok.Web.Training;

/// <summary>A generator for background work: before each render it lets interactive generation go first.</summary>
public sealed class YieldingGenerator(IImageGenerator inner, Action<CancellationToken> yieldFirst) : IImageGenerator
{
    /// <inheritdoc />
    public GeneratorCapabilities Capabilities => inner.Capabilities;

    /// <inheritdoc />
    public GeneratedImage Generate(GenerationRequest request, IProgress<GenerationStep>? progress = null, CancellationToken cancellationToken = default)
    {
        yieldFirst(cancellationToken);
        return inner.Generate(request, progress, cancellationToken);
    }
}
