namespace DisTok.ML.Diffusion.Schedulers;

/// <summary>
/// Continuous-time cosine schedule (Nichol &amp; Dhariwal 2021): ᾱ(t) = cos²(((t + s)/(1 + s))·π/2), t ∈ [0, 1].
/// x_t = √ᾱ·x₀ + √(1−ᾱ)·ε. Weight-free.
/// </summary>
public static class CosineNoiseSchedule
{
    const double S = 0.008;
    const double MaxT = 0.9946; // keeps ᾱ(1) > 0 so every step stays invertible

    /// <summary>ᾱ(t), the signal fraction left at time t.</summary>
    public static double AlphaBar(double t)
    {
        if (t < 0 || t > 1) throw new ArgumentOutOfRangeException(nameof(t), t, "t must be in [0, 1]");
        double f = Math.Cos((t * MaxT + S) / (1 + S) * Math.PI / 2);
        double f0 = Math.Cos(S / (1 + S) * Math.PI / 2);
        return f * f / (f0 * f0);
    }

    /// <summary>(√ᾱ, √(1−ᾱ)) at time t.</summary>
    public static (double Alpha, double Sigma) AlphaSigma(double t)
    {
        double ab = Math.Clamp(AlphaBar(t), 0, 1);
        return (Math.Sqrt(ab), Math.Sqrt(1 - ab));
    }
}
