using System.Collections.ObjectModel;
using DisTok.Core.Concepts;

namespace DisTok.Core.Distributions;

/// <summary>
/// An immutable distribution over named concepts whose weights sum to 1, e.g. 55% pig, 25% sheep, 20% snake.
/// Weights that did not sum to 1 are normalised, and <see cref="WasNormalized"/> says so, so callers can
/// report it ("weights summed to 1.2; normalised") rather than apply it silently.
/// </summary>
public sealed class ConceptDistribution
{
    /// <summary>Sums within this distance of 1 count as already normalised.</summary>
    const double Tolerance = 1e-6;

    readonly ReadOnlyDictionary<string, double> _weights;

    ConceptDistribution(IReadOnlyList<DistributionEntry> entries, double inputSum)
    {
        Entries = entries;
        InputSum = inputSum;
        WasNormalized = Math.Abs(inputSum - 1) > Tolerance;
        _weights = entries.ToDictionary(e => e.Concept, e => e.Weight, StringComparer.OrdinalIgnoreCase).AsReadOnly();
    }

    /// <summary>The concepts with a non-zero weight, in input order, weights normalised to sum to 1.</summary>
    public IReadOnlyList<DistributionEntry> Entries { get; }

    /// <summary>Number of concepts with a non-zero weight.</summary>
    public int Count => Entries.Count;

    /// <summary>The concepts' canonical names, in input order.</summary>
    public IEnumerable<string> Concepts => Entries.Select(e => e.Concept);

    /// <summary>True when the weights as given did not sum to 1 (within 1e-6) and were divided by <see cref="InputSum"/>.</summary>
    public bool WasNormalized { get; }

    /// <summary>The sum of the weights as given.</summary>
    public double InputSum { get; }

    /// <summary>The normalised weight of a concept (case-insensitive); 0 when it is not in the distribution.</summary>
    public double this[string concept] => _weights.TryGetValue(concept.Trim(), out var w) ? w : 0;

    /// <summary>Validates and normalises weights.</summary>
    /// <param name="weights">Names as the user typed them, with their weights (any positive scale).</param>
    /// <param name="resolve">Maps a typed name to its canonical name, or null when the concept is unknown.</param>
    /// <param name="maxConcepts">How many concepts the pool knows; a longer list is rejected.</param>
    /// <exception cref="InvalidDistributionException">The list is empty, too long, names a blank, unknown or repeated
    /// concept, has a NaN, infinite or negative weight, or all weights are zero.</exception>
    public static ConceptDistribution Create(IEnumerable<KeyValuePair<string, double>> weights, Func<string, string?> resolve, int maxConcepts)
    {
        var given = weights.ToList();
        if (given.Count == 0) throw new InvalidDistributionException("the distribution has no concepts");
        if (given.Count > maxConcepts)
            throw new InvalidDistributionException($"the distribution has {given.Count} concepts but the pool knows {maxConcepts}");
        var resolved = new List<KeyValuePair<string, double>>(given.Count);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (typed, weight) in given)
        {
            var name = Resolve(typed, resolve);
            if (!seen.TryAdd(name, typed.Trim()))
                throw new InvalidDistributionException($"concept '{name}' is listed twice ('{seen[name]}' and '{typed.Trim()}')");
            if (double.IsNaN(weight)) throw new InvalidDistributionException($"concept '{name}' has a NaN weight; weights must be finite numbers");
            if (double.IsInfinity(weight)) throw new InvalidDistributionException($"concept '{name}' has an infinite weight; weights must be finite numbers");
            if (weight < 0) throw new InvalidDistributionException($"concept '{name}' has negative weight {WeightText.Number(weight)}");
            resolved.Add(new(name, weight));
        }
        double sum = resolved.Sum(w => w.Value);
        if (sum <= 0) throw new InvalidDistributionException("all weights are zero; give at least one concept a positive weight");
        if (double.IsInfinity(sum)) throw new InvalidDistributionException("the weights are too large to add up; use shares like 0.55 or 55");
        var entries = resolved.Where(w => w.Value > 0).Select(w => new DistributionEntry(w.Key, w.Value / sum)).ToList();
        return new ConceptDistribution(entries.AsReadOnly(), sum);
    }

    /// <summary>Parses the command-line form <c>"pig=0.55,sheep=0.25,snake=0.2"</c> (',' or ';' between parts,
    /// spaces allowed, numbers in invariant culture) and validates it as <see cref="Create(IEnumerable{KeyValuePair{string, double}}, Func{string, string?}, int)"/> does.</summary>
    /// <exception cref="InvalidDistributionException">A part is malformed (named in the message) or the distribution is invalid.</exception>
    public static ConceptDistribution Parse(string text, Func<string, string?> resolve, int maxConcepts) =>
        Create(DistributionParser.Split(text), resolve, maxConcepts);

    /// <summary>Parses against a concept catalog: names resolve to the catalog's canonical names, at most <see cref="ConceptCatalog.Count"/> concepts.</summary>
    public static ConceptDistribution Parse(string text, ConceptCatalog catalog) =>
        Parse(text, ResolverFor(catalog), catalog.Count);

    /// <summary>Validates against a concept catalog: names resolve to the catalog's canonical names, at most <see cref="ConceptCatalog.Count"/> concepts.</summary>
    public static ConceptDistribution Create(IEnumerable<KeyValuePair<string, double>> weights, ConceptCatalog catalog) =>
        Create(weights, ResolverFor(catalog), catalog.Count);

    /// <summary>The normalised weights by canonical name (case-insensitive lookup), in input order.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => _weights;

    /// <summary>The command-line form, e.g. <c>pig=0.55,sheep=0.25,snake=0.2</c> (invariant culture, at most 4 decimals).</summary>
    public override string ToString() => WeightText.Format(Entries.Select(e => KeyValuePair.Create(e.Concept, e.Weight)));

    static string Resolve(string typed, Func<string, string?> resolve)
    {
        if (string.IsNullOrWhiteSpace(typed)) throw new InvalidDistributionException("a concept name is blank");
        return resolve(typed.Trim()) ?? throw new InvalidDistributionException($"unknown concept '{typed.Trim()}'");
    }

    static Func<string, string?> ResolverFor(ConceptCatalog catalog) =>
        name => catalog.TryIndexOf(name, out var i) ? catalog[i].Name : null;
}
