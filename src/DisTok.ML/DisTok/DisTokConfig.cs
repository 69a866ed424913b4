namespace DisTok.ML.DisTok;

/// <summary>Sizes of the two DisTok networks (the paper's values, with MiniLM's token space).</summary>
/// <param name="TokenDim">d: the text encoder's input-embedding size, where tokens live (384 for MiniLM).</param>
/// <param name="Hidden">Hidden width of both two-layer MLPs (768).</param>
/// <param name="Latent">ω: the latent size (20).</param>
public sealed record DisTokConfig(int TokenDim = 384, int Hidden = 768, int Latent = 20)
{
    public void Validate()
    {
        if (TokenDim < 1 || Hidden < 1 || Latent < 1)
            throw new ArgumentException($"DisTok sizes must be positive (token {TokenDim}, hidden {Hidden}, latent {Latent})");
    }
}
