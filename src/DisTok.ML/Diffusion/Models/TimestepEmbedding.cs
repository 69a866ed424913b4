using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Models;

/// <summary>Sinusoidal features of a continuous diffusion time t ∈ [0, 1] (weight-free).</summary>
public static class TimestepEmbedding
{
    // t: (B,) → (B, dim)
    public static Tensor Sinusoidal(Tensor t, int dim)
    {
        using var scope = NewDisposeScope();
        int half = dim / 2;
        var freqs = exp(arange(half, dtype: ScalarType.Float32, device: t.device) * (-Math.Log(10000.0) / (half - 1)));
        var args = (t.to_type(ScalarType.Float32) * 1000f).unsqueeze(1) * freqs.unsqueeze(0); // (B, half)
        return cat([sin(args), cos(args)], 1).MoveToOuterDisposeScope();
    }
}
