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

    /// <summary>
    /// Composable sampling (Liu et al. 2022): several conditions c_k with weights w_k(i) that may change per step i,
    /// x̂ = u + g·Σ_k w_k(i)·(x̂_k − u), u the unconditional prediction. One condition with weight 1 is plain
    /// classifier-free guidance; one-hot weights that switch at step s take the layout from one condition and the
    /// content from another. Conditions whose weight is 0 at a step are not evaluated there.
    /// </summary>
    /// <param name="conditions">K sentence embeddings, each of the model's condition size.</param>
    /// <param name="weightsAt">Step index → K weights.</param>
    /// <param name="layout">Optional MagicMix layout: start from this image noised instead of pure noise.</param>
    public GeneratedImage GenerateComposite(IReadOnlyList<float[]> conditions, Func<int, IReadOnlyList<float>> weightsAt, int seed,
        int? steps = null, float? guidance = null, IProgress<GenerationStep>? progress = null, CancellationToken cancellationToken = default,
        LayoutGuide? layout = null)
    {
        if (conditions.Count == 0) throw new ArgumentException("composite sampling needs at least one condition", nameof(conditions));
        foreach (var c in conditions)
            if (c.Length != _model.Config.ConditionDim)
                throw new ArgumentException($"every condition must have {_model.Config.ConditionDim} values, got {c.Length}");
        layout?.Validate(Capabilities.Width);
        var (n, g) = Capabilities.Resolve(new GenerationRequest("(composite)", seed, steps, guidance));
        return Render(conditions, weightsAt, seed, n, g, progress, cancellationToken, layout);
    }

    GeneratedImage Render(float[] cond, int seed, int steps, float guidance, IProgress<GenerationStep>? progress, CancellationToken cancellationToken) =>
        Render([cond], _ => [1f], seed, steps, guidance, progress, cancellationToken);

    GeneratedImage Render(IReadOnlyList<float[]> conditions, Func<int, IReadOnlyList<float>> weightsAt, int seed, int steps, float guidance,
        IProgress<GenerationStep>? progress, CancellationToken cancellationToken, LayoutGuide? layout = null)
    {
        var clock = Stopwatch.StartNew();
        lock (_gate)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            int s = Capabilities.Width;
            var noise = new Generator((ulong)seed);
            var x = randn([1, 3, s, s], generator: noise);                       // x_T: (1, 3, S, S)
            var unconditional = zeros(conditions[0].Length);
            var scheduler = new DdimScheduler();
            scheduler.SetTimesteps(steps);
            int first = 0;
            Tensor? xLayout = null;                                              // x_L: (1, 3, S, S) in [-1, 1]
            if (layout is not null)
            {
                xLayout = ImageTensors.FromRgb([layout.Rgb], s);
                while (first < steps - 1 && scheduler.Timesteps[first] > layout.KMax) first++;
                x = Noised(xLayout, scheduler.Timesteps[first], noise);
            }
            for (int i = first; i < steps; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var weights = weightsAt(i);
                if (weights.Count != conditions.Count) throw new ArgumentException($"step {i} has {weights.Count} weights for {conditions.Count} conditions");
                var active = Enumerable.Range(0, conditions.Count).Where(k => weights[k] != 0f).ToArray();
                int b = active.Length + 1;
                var c = stack(active.Select(k => tensor(conditions[k])).Append(unconditional).ToArray()); // (b, d): the active conditions, then ∅
                var t = full(b, (float)scheduler.Timesteps[i]);
                var x0 = _model.forward(x.expand(b, -1, -1, -1), t, c);              // (b, 3, S, S)
                var u = x0[b - 1].unsqueeze(0);                                      // unconditional x̂₀: (1, 3, S, S)
                var guided = u.clone();
                for (int j = 0; j < active.Length; j++)
                    guided += guidance * weights[active[j]] * (x0[j].unsqueeze(0) - u);  // classifier-free guidance per condition
                var (next, estimate) = scheduler.Step(guided, i, x);
                x = next;
                double tNext = scheduler.Timesteps[i + 1];
                if (xLayout is not null && tNext >= layout!.KMin && tNext > 0)
                    x = layout.Nu * x + (1 - layout.Nu) * Noised(xLayout, tNext, noise);  // MagicMix: keep the layout
                progress?.Report(new GenerationStep(i + 1, steps, ToPng(estimate)));
            }
            var png = ToPng(x);
            return new GeneratedImage(png, s, s, seed, steps, guidance, clock.Elapsed);
        }
    }

    /// <summary>The forward process at time t: α_t·x₀ + σ_t·ε, ε drawn from <paramref name="noise"/>.</summary>
    static Tensor Noised(Tensor x0, double t, Generator noise)
    {
        var (a, sigma) = CosineNoiseSchedule.AlphaSigma(t);
        return a * x0 + sigma * randn(x0.shape, generator: noise);
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
