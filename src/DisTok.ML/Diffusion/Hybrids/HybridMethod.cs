namespace DisTok.ML.Diffusion.Hybrids;

/// <summary>How a hybrid image of two concepts A and B is sampled from the text-to-image model.</summary>
public enum HybridMethod
{
    /// <summary>Composable sampling: x̂ = u + g·(w_A·(x̂_A − u) + w_B·(x̂_B − u)) at every step.</summary>
    Composable,

    /// <summary>Condition A for the first steps (layout), then B (content).</summary>
    Switch,

    /// <summary>
    /// MagicMix (Liang et al. 2022) from real art: a real drawing of A, noised, gives the layout, and B's prompt the
    /// content (<see cref="Pipelines.LayoutGuide"/>). A's weight sets how much noise: more weight, less noise.
    /// </summary>
    Layout,
}
