namespace DisTok.Core.Tokens;

/// <summary>What a reader requires of a token file: the loaded model's embedding space and, optionally, the exact model.</summary>
/// <param name="Dimension">The token length the loaded model uses, e.g. 384.</param>
/// <param name="TextEncoder">The loaded model's text encoder, e.g. <c>all-MiniLM-L6-v2</c>.</param>
/// <param name="ModelSha256">The loaded DisTok model's sha256; null accepts tokens made by any DisTok model version.</param>
public sealed record TokenExpectations(int Dimension, string TextEncoder, string? ModelSha256 = null);
