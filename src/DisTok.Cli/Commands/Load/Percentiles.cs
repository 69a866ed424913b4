namespace DisTok.Cli.Commands.Load;

/// <summary>Nearest-rank percentiles of a sample.</summary>
public static class Percentiles
{
    /// <summary>The value at or below which <paramref name="p"/> percent of <paramref name="values"/> lie (nearest rank).</summary>
    /// <exception cref="ArgumentException">No values, or p outside 0..100.</exception>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) throw new ArgumentException("no values");
        if (p is < 0 or > 100) throw new ArgumentException($"p must be in 0..100, got {p}");
        var sorted = values.Order().ToArray();
        int rank = Math.Max(1, (int)Math.Ceiling(p / 100 * sorted.Length));
        return sorted[rank - 1];
    }
}
