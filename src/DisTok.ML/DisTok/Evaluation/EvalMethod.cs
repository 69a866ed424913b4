using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>A way to turn a distribution into something the frozen backbone renders (DisTok or a baseline).</summary>
public abstract class EvalMethod
{
    /// <summary>The key in the eval JSON, e.g. "distok" or "plain_prompt".</summary>
    public abstract string Name { get; }

    /// <summary>Builds the conditioning for one distribution; its time counts as the method's "token" time.</summary>
    public abstract Conditioning Prepare(ConceptDistribution distribution);

    /// <summary>The DisTok model behind the method, if it has one (for prior diversity).</summary>
    public virtual DisTokModel? Model => null;
}
