using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>Baseline (a): the concepts' words in one prompt, "a photo of a c1 c2 …" (heaviest first) — what the T2I model does alone.</summary>
public sealed class PlainPromptMethod(ConceptCatalog catalog) : EvalMethod
{
    public override string Name => "plain_prompt";

    public override Conditioning Prepare(ConceptDistribution distribution) =>
        new("a photo of a " + string.Join(" ", distribution.Entries.OrderByDescending(e => e.Weight).Select(e => catalog.Get(e.Concept).PromptWord)));
}
