using System.Globalization;

namespace DisTok.Core.Distributions;

/// <summary>Splits the command-line form <c>"pig=0.55,sheep=0.25; snake=0.2"</c> into names and weights.</summary>
static class DistributionParser
{
    static readonly char[] Separators = [',', ';'];

    public static List<KeyValuePair<string, double>> Split(string text)
    {
        var result = new List<KeyValuePair<string, double>>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var raw in text.Split(Separators))
        {
            var part = raw.Trim();
            if (part.Length == 0) throw new InvalidDistributionException($"empty part in '{text.Trim()}'; write name=weight parts separated by ','");
            int eq = part.IndexOf('=');
            if (eq < 0 || eq != part.LastIndexOf('='))
                throw new InvalidDistributionException($"'{part}' is not name=weight, e.g. pig=0.55");
            var name = part[..eq].Trim();
            var number = part[(eq + 1)..].Trim();
            if (name.Length == 0) throw new InvalidDistributionException($"'{part}' has no concept name");
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                throw new InvalidDistributionException($"'{part}': weight '{number}' is not a number");
            result.Add(new(name, weight));
        }
        return result;
    }
}
