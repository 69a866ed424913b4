namespace DisTok.Core.Tokens;

/// <summary>Which DisTok model made a token, and which text encoder's embedding space the token lives in.</summary>
/// <param name="Version">The model's version label, e.g. <c>2026.05-1</c>.</param>
/// <param name="Sha256">The sha256 of the model's weights (lower-case hex).</param>
/// <param name="TextEncoder">The text encoder, e.g. <c>all-MiniLM-L6-v2</c>.</param>
/// <param name="Dimension">The length of the text encoder's token embeddings, e.g. 384.</param>
public sealed record ModelStamp(string Version, string Sha256, string TextEncoder, int Dimension);
