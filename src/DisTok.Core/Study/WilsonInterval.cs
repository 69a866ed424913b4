namespace DisTok.Core.Study;

/// <summary>A proportion with its Wilson score interval.</summary>
/// <param name="Successes">Wins.</param>
/// <param name="Trials">Wins + losses (ties are not trials).</param>
/// <param name="Rate">Successes / trials (0 when there are no trials).</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
public sealed record WilsonInterval(int Successes, int Trials, double Rate, double Lower, double Upper)
{
    /// <summary>z of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval (Wilson 1927): centre (p̂ + z²/2n) / (1 + z²/n), half-width
    /// z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n). Unlike p̂ ± z·√(p̂(1−p̂)/n) it stays inside [0, 1] and is sound
    /// for small n and rates near 0 or 1. With no trials the interval is [0, 1].
    /// </summary>
    /// <exception cref="ArgumentException">Negative counts, more successes than trials, or z not positive.</exception>
    public static WilsonInterval Of(int successes, int trials, double z = Z95)
    {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new ArgumentException($"need 0 ≤ successes ≤ trials, got {successes} of {trials}");
        if (!(z > 0) || !double.IsFinite(z)) throw new ArgumentException($"z must be positive, got {z}");
        if (trials == 0) return new(0, 0, 0, 0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
