namespace DisTok.ML.Text;

/// <summary>Shape of all-MiniLM-L6-v2 (a 6-layer BERT); the defaults are the shipped model's.</summary>
public sealed record MiniLmConfig
{
    /// <summary>Word pieces in the vocabulary (uncased BERT vocabulary).</summary>
    public int VocabSize { get; init; } = 30522;

    /// <summary>Width of every token vector, d; also the sentence-embedding size.</summary>
    public int Hidden { get; init; } = 384;

    /// <summary>Transformer encoder layers.</summary>
    public int Layers { get; init; } = 6;

    /// <summary>Attention heads per layer; head size = Hidden / Heads = 32.</summary>
    public int Heads { get; init; } = 12;

    /// <summary>Width of the feed-forward block inside each layer; its activation is GELU in the exact erf form.</summary>
    public int Intermediate { get; init; } = 1536;

    /// <summary>Rows of the learned position table; the tokenizer caps prompts far below this.</summary>
    public int MaxPositions { get; init; } = 512;

    /// <summary>Token-type (segment) rows; only type 0 is used for single prompts.</summary>
    public int TypeVocabSize { get; init; } = 2;

    /// <summary>LayerNorm epsilon.</summary>
    public double LayerNormEps { get; init; } = 1e-12;

    /// <summary>Longest tokenized prompt, [CLS] and [SEP] included (sentence-transformers' max_seq_length).</summary>
    public int MaxTokens { get; init; } = 128;

    public int HeadSize => Hidden / Heads;
}
