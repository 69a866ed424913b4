using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>DisTok: one forward pass distribution → token, rendered in "a photo of a &lt;*&gt;".</summary>
public sealed class DisTokMethod(string name, DisTokModel model) : EvalMethod
{
    public override string Name => name;
    public override DisTokModel? Model => model;

    public override Conditioning Prepare(ConceptDistribution distribution) =>
        new(DisTokTrainer.CreativeTemplate, model.TokenFor(distribution).Vector);
}
