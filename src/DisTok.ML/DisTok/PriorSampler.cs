using DisTok.Core.Tokens;

namespace DisTok.ML.DisTok;

/// <summary>
/// Latents for unconditional tokens (method.md §4): zero-mean, unit-scale Gaussian, Laplace (b = 1) or
/// standard Cauchy, times a temperature. Plain .NET arithmetic on a seeded <see cref="Random"/>, so a seed
/// gives the same latent on every machine.
/// </summary>
public static class PriorSampler
{
    /// <summary>→ ω values.</summary>
    public static float[] Sample(PriorKind prior, int seed, int dimension, double temperature)
    {
        if (dimension < 1) throw new ArgumentException($"dimension must be positive, got {dimension}");
        if (!(temperature > 0) || !double.IsFinite(temperature) || temperature > 100)
            throw new ArgumentException($"temperature must be in (0, 100], got {temperature}");
        var rng = new Random(seed);
        var z = new float[dimension];
        for (int i = 0; i < dimension; i++) z[i] = (float)(temperature * Draw(prior, rng));
        return z;
    }

    static double Draw(PriorKind prior, Random rng) => prior switch
    {
        PriorKind.Gaussian => Math.Sqrt(-2 * Math.Log(Open(rng))) * Math.Cos(2 * Math.PI * rng.NextDouble()), // Box–Muller
        PriorKind.Laplace => Laplace(Open(rng) - 0.5),
        PriorKind.Cauchy => Math.Tan(Math.PI * (Open(rng) - 0.5)),
        _ => throw new ArgumentOutOfRangeException(nameof(prior), prior, "unknown prior"),
    };

    // inverse CDF of Laplace(0, 1) at u ∈ (−½, ½)
    static double Laplace(double u) => -Math.Sign(u) * Math.Log(1 - 2 * Math.Abs(u));

    // uniform on the open interval (0, 1)
    static double Open(Random rng)
    {
        double u;
        do u = rng.NextDouble(); while (u <= 0);
        return u;
    }
}
