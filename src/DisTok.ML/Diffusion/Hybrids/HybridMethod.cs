namespace DisTok.ML.Diffusion.Hybrids;

/// <summary>How a hybrid image of two concepts A and B is sampled from the text-to-image model.</summary>
public enum HybridMethod
{
    /// <summary>Composable sampling: x̂ = u + g·(w_A·(x̂_A − u) + w_B·(x̂_B − u)) at every step.</summary>
    Composable,

    /// <summary>Condition A for the first steps (layout), then B (content), MagicMix-style.</summary>
    Switch,
}
