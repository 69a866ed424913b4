namespace DisTok.ML.Backbone;

/// <summary>Small descriptive statistics for measurements.</summary>
public static class Stats
{
    /// <summary>Median (mean of the middle two for an even count). Throws for no values.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        if (v.Length == 0) throw new ArgumentException("median of no values");
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
