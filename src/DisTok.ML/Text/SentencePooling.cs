using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.Text;

/// <summary>sentence-transformers' head for all-MiniLM-L6-v2: mean over real tokens, then L2 normalisation.</summary>
public static class SentencePooling
{
    /// <summary>hidden: (B, T, d); mask: (B, T) with 1 for real tokens → (B, d) unit vectors.</summary>
    public static Tensor MeanPoolNormalize(Tensor hidden, Tensor mask)
    {
        using var scope = NewDisposeScope();
        // m: (B, T, 1)
        var m = mask.to(hidden.dtype).unsqueeze(-1);
        var mean = (hidden * m).sum(1) / m.sum(1).clamp_min(1e-9);
        return nn.functional.normalize(mean, p: 2, dim: 1, eps: 1e-12).MoveToOuterDisposeScope();
    }
}
