using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>
/// L_cst, distribution consistency (method.md §3): 1 − cos(E(t_crt), E(t_nvl)), where E(t) encodes
/// "a photo of a &lt;t&gt;" — the token re-made from a discovered concept's distribution is pulled to that concept.
/// </summary>
public static class ConsistencyLoss
{
    /// <summary>creative: (B, d) = E(t_crt); discovered: (B, d) = E(t_nvl) → (B,) per-sample loss.</summary>
    public static Tensor PerSample(Tensor creative, Tensor discovered) =>
        1 - nn.functional.cosine_similarity(creative, discovered, dim: 1);
}
