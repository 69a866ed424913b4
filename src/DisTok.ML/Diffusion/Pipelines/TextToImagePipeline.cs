using System.Diagnostics;
using DisTok.Core.Backbone;
using DisTok.ML.Diffusion.Models;
using DisTok.ML.Diffusion.Schedulers;
using DisTok.ML.Imaging;
using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Pipelines;

/// <summary>
/// Inference glue of the embedded backbone: prompt (+ optional creative token) → text encoder →
/// DDIM with classifier-free guidance over the denoiser → PNG. Reports every step with a preview
/// of the current x₀ estimate. One image at a time (the model is shared).
/// </summary>
public sealed class TextToImagePipeline : IImageGenerator, IDisposable
{
    readonly ITextEncoder _encoder;
    readonly DiffusionUNet _model;
    readonly object _gate = new();

    public GeneratorCapabilities Capabilities { get; }

    public TextToImagePipeline(ITextEncoder encoder, DiffusionUNet model, int defaultSteps = 20, float defaultGuidance = 3f)
    {
        if (encoder.Dimension != model.Config.ConditionDim)
            throw new ArgumentException($"text encoder gives {encoder.Dimension}-d embeddings, the model expects {model.Config.ConditionDim}");
        _encoder = encoder;
        _model = model;
        _model.eval();
        int size = model.Config.ImageSize;
        Capabilities = new GeneratorCapabilities(size, size, defaultSteps, 1, 200, defaultGuidance, 0f, 20f);
    }

    public GeneratedImage Generate(GenerationRequest request, IProgress<GenerationStep>? progress = null, CancellationToken cancellationToken = default)
    {
        var (steps, guidance) = Capabilities.Resolve(request);
        if (request.Condition is { } ready && ready.Length != _model.Config.ConditionDim)
            throw new ArgumentException($"the condition must have {_model.Config.ConditionDim} values, got {ready.Length}");
        var cond = request.Condition ?? (request.Token is null ? _encoder.Encode(request.Prompt) : _encoder.EncodeWithToken(request.Prompt, request.Token));
        return Render(cond, request.Seed, steps, guidance, progress, cancellationToken);
    }

    /// <summary>
    /// Renders from a ready condition (a d-value sentence embedding), e.g. a weighted mean of prompt embeddings
    /// (the "conditioning average" baseline). Steps and guidance default to the model's.
    /// </summary>
    public GeneratedImage GenerateFromEmbedding(float[] embedding, int seed, int? steps = null, float? guidance = null,
        IProgress<GenerationStep>? progress = null, CancellationToken cancellationToken = default) =>
        Generate(new GenerationRequest("(embedding)", seed, steps, guidance, Condition: embedding), progress, cancellationToken);

    GeneratedImage Render(float[] cond, int seed, int steps, float guidance, IProgress<GenerationStep>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        lock (_gate)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            int s = Capabilities.Width;
            var c = stack([tensor(cond), zeros(cond.Length)]);                  // (2, 384): conditional, unconditional
            var x = randn([1, 3, s, s], generator: new Generator((ulong)seed));  // x_T: (1, 3, S, S)
            var scheduler = new DdimScheduler();
            scheduler.SetTimesteps(steps);
            for (int i = 0; i < steps; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var t = full(2, (float)scheduler.Timesteps[i]);
                var x0 = _model.forward(cat([x, x]), t, c);                         // (2, 3, S, S)
                var (xc, xu) = (x0[0].unsqueeze(0), x0[1].unsqueeze(0));
                var guided = xu + guidance * (xc - xu);                             // classifier-free guidance
                var (next, estimate) = scheduler.Step(guided, i, x);
                x = next;
                progress?.Report(new GenerationStep(i + 1, steps, ToPng(estimate)));
            }
            var png = ToPng(x);
            return new GeneratedImage(png, s, s, seed, steps, guidance, clock.Elapsed);
        }
    }

    /// <summary>(1, 3, S, S) in [-1, 1] → PNG.</summary>
    static byte[] ToPng(Tensor x)
    {
        using var scope = NewDisposeScope();
        long s = x.shape[2];
        var bytes = x[0].add(1).mul(127.5).round().clamp(0, 255).permute(1, 2, 0).to_type(ScalarType.Byte).contiguous().data<byte>().ToArray();
        return RgbImage.EncodePng(bytes, (int)s, (int)s);
    }

    public void Dispose() => _model.Dispose();
}
