using DisTok.ML.Backbone;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>A method's results over a set, with the protocol's aggregates.</summary>
public sealed record MethodResult(string Name, IReadOnlyList<ItemResult> Items, IReadOnlyList<PriorDiversity> Priors)
{
    public double Kl => Items.Average(i => i.Kl);
    public double SupportMass => Items.Average(i => i.SupportMass);
    public double PairFusionRate => Items.Where(i => i.Fused is not null).Select(i => i.Fused!.Value ? 1.0 : 0.0).DefaultIfEmpty(double.NaN).Average();
    public double TokenMsMedian => Stats.Median(Items.Select(i => i.TokenMs));

    /// <summary>Token plus one image, median over items.</summary>
    public double ConceptMsMedian => Stats.Median(Items.Select(i => i.TokenMs + i.ImageMs));
}
