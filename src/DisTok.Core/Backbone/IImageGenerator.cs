namespace DisTok.Core.Backbone;

/// <summary>The frozen text-to-image model G: prompt (optionally with a creative token) → image.</summary>
public interface IImageGenerator
{
    /// <summary>Limits and defaults of this generator (steps, guidance, image size).</summary>
    GeneratorCapabilities Capabilities { get; }

    /// <summary>
    /// Renders one image. Reports every denoising step through <paramref name="progress"/>.
    /// Throws <see cref="ArgumentException"/> for an invalid request.
    /// </summary>
    GeneratedImage Generate(GenerationRequest request, IProgress<GenerationStep>? progress = null, CancellationToken cancellationToken = default);
}
