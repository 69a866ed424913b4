using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.ML.DisTok;

namespace DisTok.Web.Generation;

/// <summary>Reads a distribution typed by a person or a script (<c>pig=0.55,sheep=0.45</c>) against the loaded DisTok model.</summary>
public static class DistributionText
{
    /// <summary>Longest distribution text accepted, in characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>The distribution, normalised; <see cref="ConceptDistribution.WasNormalized"/> says whether the weights were rescaled.</summary>
    /// <exception cref="ArgumentException">Empty or too long text.</exception>
    /// <exception cref="InvalidDistributionException">A weight is negative, NaN or infinite, a concept is unknown to the model or listed
    /// twice, all weights are zero, or there are more concepts than the model knows.</exception>
    public static ConceptDistribution Parse(string? text, DisTokModel model)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("the distribution is empty; write name=weight parts, e.g. pig=0.55,sheep=0.45");
        if (text.Length > MaxLength) throw new ArgumentException($"the distribution is {text.Length} characters long; at most {MaxLength}");
        return ConceptDistribution.Parse(text, name =>
            ConceptCatalog.Default.TryIndexOf(name, out var i) && model.Pool.IsKnown(ConceptCatalog.Default[i].Name) ? ConceptCatalog.Default[i].Name : null,
            model.KnownConcepts.Count);
    }
}
