namespace DisTok.ML.Diffusion.Pipelines;

/// <summary>
/// MagicMix-style layout guidance (Liang et al. 2022): sampling starts from a layout image noised to time
/// <see cref="KMax"/> instead of pure noise, and until time <see cref="KMin"/> every step mixes the sample with the
/// layout image noised to the same time, x ← ν·x + (1 − ν)·(α_t·x_L + σ_t·ε). After K_min the conditions alone decide.
/// The layout gives the silhouette and arrangement; the conditions give what fills it.
/// </summary>
/// <param name="Rgb">The layout image: (S, S, 3) RGB bytes, S the model's image side.</param>
/// <param name="KMax">Time the sampling starts from, in (0, 1]: higher keeps less of the layout.</param>
/// <param name="KMin">Time the layout stops being mixed in, in [0, KMax].</param>
/// <param name="Nu">ν, the sample's share in each mix, in (0, 1].</param>
public sealed record LayoutGuide(byte[] Rgb, double KMax, double KMin = 0.3, float Nu = 0.75f)
{
    /// <summary>Throws a clear <see cref="ArgumentException"/> for a layout that does not fit an S×S model.</summary>
    public void Validate(int size)
    {
        if (Rgb.Length != size * size * 3) throw new ArgumentException($"the layout image has {Rgb.Length} bytes, a {size}×{size} RGB image has {size * size * 3}");
        if (!(KMax > 0 && KMax <= 1)) throw new ArgumentException($"k_max must be in (0, 1], got {KMax}");
        if (!(KMin >= 0 && KMin <= KMax)) throw new ArgumentException($"k_min must be in [0, k_max], got {KMin}");
        if (!(Nu > 0 && Nu <= 1)) throw new ArgumentException($"ν must be in (0, 1], got {Nu}");
    }
}
