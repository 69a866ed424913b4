using System.Globalization;
using DisTok.Core.Distributions;

namespace DisTok.Core.Tokens;

/// <summary>Where a creative token came from, so it can be described and re-created.</summary>
/// <param name="Kind"><c>distribution</c>, <c>prior</c>, <c>interpolation</c> or <c>optimised</c>.</param>
/// <param name="Distribution">The concept weights the token was made from, for <c>distribution</c> and <c>optimised</c>.</param>
/// <param name="Prior">The prior the latent vector was drawn from, for <c>prior</c>.</param>
/// <param name="Seed">The random seed, for <c>prior</c>.</param>
/// <param name="Temperature">The sampling temperature, for <c>prior</c>.</param>
public sealed record TokenSource(
    string Kind,
    IReadOnlyDictionary<string, double>? Distribution = null,
    PriorKind? Prior = null,
    int? Seed = null,
    double? Temperature = null)
{
    /// <summary>The kinds a token file may name.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["distribution", "prior", "interpolation", "optimised"];

    /// <summary>A token encoded from a concept distribution.</summary>
    public static TokenSource FromDistribution(ConceptDistribution distribution) => new("distribution", distribution.ToDictionary());

    /// <summary>A token decoded from a latent vector drawn from a prior.</summary>
    public static TokenSource FromPrior(PriorKind prior, int seed, double temperature) =>
        new("prior", Prior: prior, Seed: seed, Temperature: temperature);

    /// <summary>A token optimised directly, starting from a concept distribution's encoding.</summary>
    public static TokenSource Optimised(ConceptDistribution distribution) => new("optimised", distribution.ToDictionary());

    /// <summary>One line for people, e.g. <c>pig=0.55,sheep=0.45</c> or <c>gaussian prior, seed 7, T 1</c>.</summary>
    public string Describe()
    {
        var weights = Distribution is null ? null : WeightText.Format(Distribution);
        return Kind switch
        {
            "distribution" when weights is not null => weights,
            "optimised" when weights is not null => $"optimised from {weights}",
            "prior" when Prior is { } p =>
                $"{Priors.Name(p)} prior, seed {Seed?.ToString(CultureInfo.InvariantCulture) ?? "?"}, T {(Temperature is { } t ? WeightText.Number(t) : "?")}",
            _ => weights is null ? Kind : $"{Kind} {weights}",
        };
    }

    /// <summary>Equal when kind, prior, seed, temperature and every concept weight are equal.</summary>
    public bool Equals(TokenSource? other) =>
        other is not null && Kind == other.Kind && Prior == other.Prior && Seed == other.Seed
        && Temperature == other.Temperature && SameWeights(Distribution, other.Distribution);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Prior, Seed, Temperature, Distribution?.Count);

    static bool SameWeights(IReadOnlyDictionary<string, double>? a, IReadOnlyDictionary<string, double>? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var w) && w.Equals(kv.Value));
}
