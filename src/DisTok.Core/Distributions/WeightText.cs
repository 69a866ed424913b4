using System.Globalization;

namespace DisTok.Core.Distributions;

/// <summary>The one text form of weights: <c>pig=0.55,sheep=0.25,snake=0.2</c> (invariant culture, at most 4 decimals).</summary>
static class WeightText
{
    public static string Format(IEnumerable<KeyValuePair<string, double>> weights) =>
        string.Join(",", weights.Select(w => $"{w.Key}={Number(w.Value)}"));

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
