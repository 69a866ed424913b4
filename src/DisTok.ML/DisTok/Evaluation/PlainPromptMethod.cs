using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>Baseline (a): the concepts' words in one prompt, "a photo of a c1 c2 …" (heaviest first) — what the T2I model does alone.
/// The words fill the template's placeholder (default <c>a photo of a &lt;*&gt;</c>).</summary>
public sealed class PlainPromptMethod(ConceptCatalog catalog, string template = DisTokTrainer.CreativeTemplate) : EvalMethod
{
    public override string Name => "plain_prompt";

    public override Conditioning Prepare(ConceptDistribution distribution) =>
        new(template.Replace(Placeholder.Text, string.Join(" ", distribution.Entries.OrderByDescending(e => e.Weight).Select(e => catalog.Get(e.Concept).PromptWord)), StringComparison.Ordinal));
}
