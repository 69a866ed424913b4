using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>
/// L_mix, continuous concept fusion (method.md §3):
/// (1 − min[cos(E(q_r), E(q_a)), θ1]) + (1 − min[cos(E(q_s), E(q_a)), θ2]).
/// The caps stop the token from collapsing onto one dominant concept.
/// </summary>
public static class MixLoss
{
    /// <summary>
    /// creative: (B, d) = E(q_a), "a photo of a &lt;t_crt&gt;"; reference: (B, d) = E(q_r), "a c1 c2";
    /// aesthetic: (B, d) or (1, d) = E(q_s) → (B,) per-sample loss.
    /// </summary>
    public static Tensor PerSample(Tensor creative, Tensor reference, Tensor aesthetic, double theta1, double theta2)
    {
        var toReference = nn.functional.cosine_similarity(reference, creative, dim: 1).clamp_max(theta1);
        var toAesthetic = nn.functional.cosine_similarity(aesthetic.expand_as(creative), creative, dim: 1).clamp_max(theta2);
        return (1 - toReference) + (1 - toAesthetic);
    }
}
