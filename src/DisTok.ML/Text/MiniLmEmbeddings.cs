using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Text;

/// <summary>
/// BERT input embeddings. Split in two steps so a placeholder's word-piece row can be swapped for a token
/// vector: <see cref="Lookup"/> (ids → word rows), then <see cref="Module{T,TResult}.forward"/>
/// (word rows + position + token type 0, then LayerNorm).
/// </summary>
public sealed class MiniLmEmbeddings : nn.Module<Tensor, Tensor>
{
    readonly Embedding word;
    readonly Embedding position;
    readonly Embedding tokenType;
    readonly LayerNorm norm;

    public MiniLmEmbeddings(MiniLmConfig config) : base(nameof(MiniLmEmbeddings))
    {
        word = nn.Embedding(config.VocabSize, config.Hidden);
        position = nn.Embedding(config.MaxPositions, config.Hidden);
        tokenType = nn.Embedding(config.TypeVocabSize, config.Hidden);
        norm = nn.LayerNorm(config.Hidden, config.LayerNormEps);
        RegisterComponents();
    }

    /// <summary>The word-piece table, (V, d).</summary>
    public Tensor WordTable => word.weight!;

    /// <summary>ids: (B, T) int64 → word rows (B, T, d).</summary>
    public Tensor Lookup(Tensor ids) => word.forward(ids);

    /// <summary>words: (B, T, d) word rows (possibly with slots replaced) → (B, T, d).</summary>
    public override Tensor forward(Tensor words)
    {
        if (words.dim() != 3) throw new ArgumentException($"expected (B, T, d) word embeddings, got ({string.Join(", ", words.shape)})");
        long t = words.shape[1];
        if (t > position.weight!.shape[0]) throw new ArgumentException($"sequence of {t} tokens exceeds {position.weight.shape[0]} positions");
        using var scope = NewDisposeScope();
        // positions and types: (1, T, d), broadcast over the batch
        var pos = position.forward(arange(t, dtype: ScalarType.Int64, device: words.device).unsqueeze(0));
        var type = tokenType.forward(zeros(1, t, dtype: ScalarType.Int64, device: words.device));
        return norm.forward(words + pos + type).MoveToOuterDisposeScope();
    }
}
