using DisTok.Core.Distributions;
using DisTok.ML.DisTok.Evaluation;

namespace DisTok.ML.Tests.DisTok;

public class EvalMetricsTests
{
    static readonly string[] Concepts = ["pig", "sheep", "snake", "cat"];
    static ConceptDistribution D(params (string, double)[] w) =>
        ConceptDistribution.Create(w.Select(x => KeyValuePair.Create(x.Item1, x.Item2)), n => Concepts.Contains(n) ? n : null, Concepts.Length);

    [Fact]
    public void Kl_uses_p_vis_restricted_to_the_support_and_renormalised()
    {
        // p_in = (½, ½) on pig, sheep; p_vis = (0.3, 0.1, 0.2, 0.4) → restricted (0.75, 0.25)
        // KL = ½ ln(0.5/0.75) + ½ ln(0.5/0.25) = ½ ln(4/3) ≈ 0.143841
        var kl = EvalMetrics.Kl(D(("pig", 1), ("sheep", 1)), [0.3f, 0.1f, 0.2f, 0.4f], Concepts);
        Assert.Equal(0.5 * Math.Log(4.0 / 3.0), kl, 5);
        Assert.Equal(0.0, EvalMetrics.Kl(D(("pig", 0.75), ("sheep", 0.25)), [0.3f, 0.1f, 0.2f, 0.4f], Concepts), 5);
    }

    [Fact]
    public void Support_mass_and_fusion_rule()
    {
        var pair = D(("pig", 1), ("sheep", 1));
        Assert.Equal(0.4, EvalMetrics.SupportMass(pair, [0.3f, 0.1f, 0.2f, 0.4f], Concepts), 5);
        Assert.False(EvalMetrics.IsFused(pair, [0.3f, 0.1f, 0.2f, 0.4f], Concepts));   // pair mass 0.4 < 0.5
        Assert.True(EvalMetrics.IsFused(pair, [0.4f, 0.2f, 0.2f, 0.2f], Concepts));    // 0.6 ≥ 0.5, sheep 1/3 ≥ ¼
        Assert.False(EvalMetrics.IsFused(pair, [0.55f, 0.1f, 0.2f, 0.15f], Concepts)); // sheep 0.1/0.65 < ¼
    }

    [Fact]
    public void Diversity_counts_argmax_and_averages_total_variation()
    {
        IReadOnlyList<float>[] samples = [[1, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0]];
        Assert.Equal(2, EvalMetrics.DistinctArgmax(samples));
        Assert.Equal(2.0 / 3.0, EvalMetrics.MeanPairwiseDistance(samples), 6);     // distances 1, 0, 1
    }

    [Fact]
    public void Top_share_is_the_most_common_argmax_over_all_samples()
    {
        var d = new PriorDiversity(global::DisTok.Core.Tokens.PriorKind.Gaussian, 1, 4, 3, 0.5, ["pig", "cat", "pig", "owl"], []);
        Assert.Equal(0.5, d.TopShare);
        Assert.Equal(0.25, (d with { Argmax = ["a", "b", "c", "d"] }).TopShare);
    }

    [Fact]
    public void Judge_figures_average_the_judge_readings_and_are_absent_without_a_judge()
    {
        var pair = new EvalItem("p1", D(("pig", 1), ("sheep", 1)), true);
        var weighted = new EvalItem("d1", D(("pig", 0.7), ("cat", 0.3)), false);
        ItemResult Item(EvalItem item, JudgeReading? judge) => new(item, [0.25f, 0.25f, 0.25f, 0.25f], [], 1, 1, 0.1, 0.5, item.IsPair ? true : null, judge);
        var judged = new MethodResult("m", [Item(pair, new([], 0.2, 0.6, false)), Item(weighted, new([], 0.4, 0.8, null))], []);
        Assert.True(judged.Judged);
        Assert.Equal(0.3, judged.JudgeKl, 9);
        Assert.Equal(0.7, judged.JudgeSupportMass, 9);
        Assert.Equal(0.0, judged.JudgePairFusionRate);
        var unjudged = new MethodResult("m", [Item(pair, null)], []);
        Assert.False(unjudged.Judged);
        Assert.True(double.IsNaN(unjudged.JudgeKl));
    }
}
