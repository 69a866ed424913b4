namespace DisTok.Core.Tokens;

/// <summary>The distribution a random latent vector is drawn from when a token is sampled from a prior.</summary>
public enum PriorKind
{
    /// <summary>Standard normal.</summary>
    Gaussian,

    /// <summary>Laplace (heavier tails than Gaussian).</summary>
    Laplace,

    /// <summary>Cauchy (very heavy tails).</summary>
    Cauchy,
}
