using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Text;

/// <summary>The MiniLM transformer: word rows + attention mask → contextual token vectors (last hidden state).</summary>
public sealed class MiniLmModel : nn.Module<Tensor, Tensor, Tensor>
{
    readonly MiniLmEmbeddings embeddings;
    readonly ModuleList<MiniLmEncoderLayer> layers;

    public MiniLmModel(MiniLmConfig config) : base(nameof(MiniLmModel))
    {
        Config = config;
        embeddings = new MiniLmEmbeddings(config);
        layers = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new MiniLmEncoderLayer(config)).ToArray());
        RegisterComponents();
    }

    public MiniLmConfig Config { get; }

    public MiniLmEmbeddings Embeddings => embeddings;

    /// <summary>words: (B, T, d) word rows; mask: (B, T), 1 for real tokens, 0 for padding → (B, T, d).</summary>
    public override Tensor forward(Tensor words, Tensor mask)
    {
        if (words.dim() != 3 || mask.dim() != 2 || words.shape[0] != mask.shape[0] || words.shape[1] != mask.shape[1])
            throw new ArgumentException($"words (B, T, d) and mask (B, T) disagree: ({string.Join(", ", words.shape)}) vs ({string.Join(", ", mask.shape)})");
        using var scope = NewDisposeScope();
        // maskBias: (B, 1, 1, T); padding gets the lowest float so its softmax weight is 0
        var maskBias = (1 - mask.to(words.dtype)).mul(float.MinValue).unsqueeze(1).unsqueeze(1);
        var x = embeddings.forward(words);
        foreach (var layer in layers) x = layer.forward(x, maskBias);
        return x.MoveToOuterDisposeScope();
    }
}
