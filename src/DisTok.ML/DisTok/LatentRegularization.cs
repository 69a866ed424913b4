using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>
/// L_reg (method.md §3, our reading): ‖mean(z)‖² / var(z) over the latents of the accumulated batch —
/// mean(z) is the per-dimension batch mean (a vector of ω), var(z) the per-dimension (unbiased) batch
/// variance averaged over the ω dimensions. Small when the latents centre on zero with a large spread,
/// so latents drawn from a zero-mean prior decode to meaningful tokens.
/// </summary>
public static class LatentRegularization
{
    const double Epsilon = 1e-8;

    /// <summary>z: (N, ω) with N ≥ 2 → scalar.</summary>
    public static Tensor Compute(Tensor z)
    {
        if (z.dim() != 2 || z.shape[0] < 2) throw new ArgumentException($"L_reg needs latents (N ≥ 2, ω), got ({string.Join(", ", z.shape)})");
        var mean = z.mean([0]);                       // (ω)
        var variance = z.var(0, unbiased: true).mean(); // scalar
        return mean.pow(2).sum() / (variance + Epsilon);
    }
}
