using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>q_r for a distribution in words: "a c1 c2 …", the concepts by weight, largest first (as the hybrid captions).</summary>
public static class ReferencePrompt
{
    public static string For(ConceptDistribution distribution, ConceptCatalog catalog) =>
        "a " + string.Join(" ", distribution.Entries.OrderByDescending(e => e.Weight).Select(e => catalog.Get(e.Concept).PromptWord));
}
