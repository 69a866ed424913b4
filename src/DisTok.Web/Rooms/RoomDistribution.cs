using System.Globalization;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.Web.Rooms;

/// <summary>Turns a room's un-normalised weights into the distribution a generation uses, and says how it was normalised.</summary>
public static class RoomDistribution
{
    /// <summary>Normalises concept weights over the concepts the model knows (saved tokens are <see cref="RoomBlend"/>'s part).</summary>
    /// <param name="weights">Concept names and un-normalised weights.</param>
    /// <param name="isKnown">Whether the model knows a concept (canonical name).</param>
    /// <param name="maxConcepts">Most concepts the model accepts.</param>
    /// <exception cref="InvalidDistributionException">No concepts, all weights zero, or a concept the model does not know.</exception>
    public static ConceptDistribution Normalise(IEnumerable<KeyValuePair<string, double>> weights, Func<string, bool> isKnown, int maxConcepts)
    {
        return ConceptDistribution.Create(weights, name =>
            ConceptCatalog.Default.TryIndexOf(name, out var i) && isKnown(ConceptCatalog.Default[i].Name) ? ConceptCatalog.Default[i].Name : null,
            maxConcepts);
    }

    /// <summary>The normalisation in words, e.g. <c>weights sum to 130, normalised to pig=0.3846,sheep=0.6154</c>.</summary>
    public static string Describe(ConceptDistribution distribution) =>
        distribution.WasNormalized
            ? $"weights sum to {distribution.InputSum.ToString("0.###", CultureInfo.InvariantCulture)}, normalised to {distribution}"
            : $"weights sum to 1: {distribution}";
}
