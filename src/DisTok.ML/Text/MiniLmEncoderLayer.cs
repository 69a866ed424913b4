using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Text;

/// <summary>
/// One post-LayerNorm BERT layer: multi-head self-attention with a padding mask, output dense + residual +
/// LayerNorm, then the feed-forward block (dense, exact GELU, dense) + residual + LayerNorm.
/// </summary>
public sealed class MiniLmEncoderLayer : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Linear query;
    readonly Linear key;
    readonly Linear value;
    readonly Linear attentionOutput;
    readonly LayerNorm attentionNorm;
    readonly Linear intermediate;
    readonly Linear output;
    readonly LayerNorm outputNorm;
    readonly int heads;
    readonly int headSize;

    public MiniLmEncoderLayer(MiniLmConfig config) : base(nameof(MiniLmEncoderLayer))
    {
        heads = config.Heads;
        headSize = config.HeadSize;
        query = nn.Linear(config.Hidden, config.Hidden);
        key = nn.Linear(config.Hidden, config.Hidden);
        value = nn.Linear(config.Hidden, config.Hidden);
        attentionOutput = nn.Linear(config.Hidden, config.Hidden);
        attentionNorm = nn.LayerNorm(config.Hidden, config.LayerNormEps);
        intermediate = nn.Linear(config.Hidden, config.Intermediate);
        output = nn.Linear(config.Intermediate, config.Hidden);
        outputNorm = nn.LayerNorm(config.Hidden, config.LayerNormEps);
        RegisterComponents();
    }

    /// <summary>x: (B, T, d); maskBias: (B, 1, 1, T), 0 for real tokens and a large negative for padding.</summary>
    public override Tensor forward(Tensor x, Tensor maskBias)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1];
        // q, k, v: (B, H, T, h)
        var q = SplitHeads(query.forward(x), b, t);
        var k = SplitHeads(key.forward(x), b, t);
        var v = SplitHeads(value.forward(x), b, t);
        // scores, weights: (B, H, T, T)
        var scores = q.matmul(k.transpose(-1, -2)) / Math.Sqrt(headSize) + maskBias;
        var weights = scores.softmax(-1);
        // context: (B, T, d)
        var context = weights.matmul(v).transpose(1, 2).reshape(b, t, heads * headSize);
        var attended = attentionNorm.forward(attentionOutput.forward(context) + x);
        // hidden: (B, T, 1536)
        var hidden = nn.functional.gelu(intermediate.forward(attended));
        return outputNorm.forward(output.forward(hidden) + attended).MoveToOuterDisposeScope();
    }

    // (B, T, d) → (B, H, T, h)
    Tensor SplitHeads(Tensor x, long b, long t) => x.view(b, t, heads, headSize).transpose(1, 2);
}
