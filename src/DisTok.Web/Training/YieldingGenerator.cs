using DisTok.Core.Backbone;

namespace DisTok.Web.Training;

/// <summary>A generator for background work: each render runs through the <see cref="GenerationGate"/>, so interactive generation goes first.</summary>
public sealed class YieldingGenerator(IImageGenerator inner, GenerationGate gate) : IImageGenerator
{
    /// <inheritdoc />
    public GeneratorCapabilities Capabilities => inner.Capabilities;

    /// <inheritdoc />
    public GeneratedImage Generate(GenerationRequest request, IProgress<GenerationStep>? progress = null, CancellationToken cancellationToken = default) =>
        gate.Run(ct => inner.Generate(request, progress, ct), cancellationToken);
}
