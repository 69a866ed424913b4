namespace DisTok.ML.DisTok.Evaluation;

/// <summary>What a method asks the backbone to render: a prompt (with an optional token for its &lt;*&gt;), or a ready embedding.</summary>
public sealed record Conditioning(string Prompt, float[]? Token = null, float[]? Embedding = null);
