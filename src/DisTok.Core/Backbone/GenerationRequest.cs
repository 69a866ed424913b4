namespace DisTok.Core.Backbone;

/// <summary>What to render.</summary>
/// <param name="Prompt">The prompt; with a <paramref name="Token"/> it must contain the placeholder "&lt;*&gt;"; with a
/// <paramref name="Condition"/> it only labels the request.</param>
/// <param name="Seed">Noise seed, 0 ≤ seed ≤ int.MaxValue.</param>
/// <param name="Steps">Denoising steps; null = the generator's default.</param>
/// <param name="Guidance">Classifier-free guidance scale; null = the generator's default.</param>
/// <param name="Token">Optional creative token (input-embedding vector) that fills the placeholder.</param>
/// <param name="Condition">Optional ready condition (a sentence embedding, e.g. a weighted mean of prompt embeddings) used
/// instead of encoding the prompt; not together with a token.</param>
public sealed record GenerationRequest(string Prompt, int Seed = 0, int? Steps = null, float? Guidance = null, float[]? Token = null,
    float[]? Condition = null);
