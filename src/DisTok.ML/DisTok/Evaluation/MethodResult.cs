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

    /// <summary>Whether the independent judge read these items.</summary>
    public bool Judged => Items.Count > 0 && Items.All(i => i.Judge is not null);
    public double JudgeKl => Judged ? Items.Average(i => i.Judge!.Kl) : double.NaN;
    public double JudgeSupportMass => Judged ? Items.Average(i => i.Judge!.SupportMass) : double.NaN;
    public double JudgePairFusionRate => Judged
        ? Items.Where(i => i.Judge!.Fused is not null).Select(i => i.Judge!.Fused!.Value ? 1.0 : 0.0).DefaultIfEmpty(double.NaN).Average()
        : double.NaN;

    /// <summary>single_concept_top1: share of the method's images of one concept at 100 % that the labeler (and judge) reads as that concept.</summary>
    public SingleConceptResult? SingleConcept { get; init; }
}

/// <summary>Each known concept at 100 % through a method, S seeds each: top-1 by the labeler and by the judge, and the images.</summary>
public sealed record SingleConceptResult(double Top1, double? JudgeTop1, IReadOnlyList<string> Concepts, IReadOnlyList<byte[]> Images, int Seeds);
