using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Schedulers;

/// <summary>
/// Deterministic DDIM sampling (η = 0) for a model that predicts x₀ directly, on the cosine schedule.
/// Weight-free: SetTimesteps → Step per timestep; AddNoise for training.
/// x₀-prediction (rather than ε or v) keeps a small model's errors smooth: a v- or ε-model that
/// cannot reproduce the noise pixel by pixel leaves that noise in x₀ = α·x_t − σ·v.
/// </summary>
public sealed class DdimScheduler
{
    double[] _times = [];

    /// <summary>Times from 1 (pure noise) down to 0, one per step plus the final 0.</summary>
    public IReadOnlyList<double> Timesteps => _times;

    /// <summary>Number of denoising steps chosen by <see cref="SetTimesteps"/>.</summary>
    public int StepCount => Math.Max(0, _times.Length - 1);

    /// <summary>Chooses <paramref name="steps"/> evenly spaced times t = 1, …, 1/steps and a final 0.</summary>
    public void SetTimesteps(int steps)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be at least 1");
        _times = Enumerable.Range(0, steps + 1).Select(i => 1.0 - (double)i / steps).ToArray();
    }

    /// <summary>
    /// One DDIM step from time index <paramref name="i"/> to i + 1.
    /// </summary>
    /// <param name="predictedX0">Model output x̂₀ at (x_t, t_i): (B, 3, H, W).</param>
    /// <param name="x">Current sample x_t: (B, 3, H, W).</param>
    /// <returns>x at t_{i+1} and the current estimate of x₀ (clipped to [-1, 1]).</returns>
    public (Tensor Previous, Tensor PredictedOriginal) Step(Tensor predictedX0, int i, Tensor x)
    {
        if (i < 0 || i >= StepCount) throw new ArgumentOutOfRangeException(nameof(i), i, $"step index must be in [0, {StepCount})");
        using var scope = NewDisposeScope();
        var (a, s) = CosineNoiseSchedule.AlphaSigma(_times[i]);
        var (aNext, sNext) = CosineNoiseSchedule.AlphaSigma(_times[i + 1]);
        var x0 = predictedX0.clamp(-1, 1);                 // 1. the model's x₀ (clipped)
        var eps = (x - a * x0) / Math.Max(s, 1e-8);        // 2. the noise consistent with that x₀
        var next = aNext * x0 + sNext * eps;               // 3. move to the next time
        return (next.MoveToOuterDisposeScope(), x0.MoveToOuterDisposeScope());
    }

    /// <summary>Forward process: x_t = α(t)·x₀ + σ(t)·ε (and v = α·ε − σ·x₀ for reference). t: (B,) on the CPU.</summary>
    public static (Tensor Noisy, Tensor VTarget) AddNoise(Tensor x0, Tensor noise, double[] t)
    {
        using var scope = NewDisposeScope();
        var a = new float[t.Length];
        var s = new float[t.Length];
        for (int k = 0; k < t.Length; k++) { var (ak, sk) = CosineNoiseSchedule.AlphaSigma(t[k]); a[k] = (float)ak; s[k] = (float)sk; }
        var at = tensor(a, device: x0.device).reshape(-1, 1, 1, 1);
        var st = tensor(s, device: x0.device).reshape(-1, 1, 1, 1);
        var noisy = at * x0 + st * noise;
        var vTarget = at * noise - st * x0;
        return (noisy.MoveToOuterDisposeScope(), vTarget.MoveToOuterDisposeScope());
    }
}
