using DisTok.Cli.Commands.DisTok;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.ML.DisTok.Evaluation;

namespace DisTok.ML.Tests.Cli;

/// <summary>The eval JSON has the schema the issue names: methods with their metrics, and a top-level "diversity" per prior.</summary>
public class EvalJsonTests
{
    static MethodResult Method(string name, double kl, bool priors)
    {
        var item = new EvalItem("p1", ConceptDistribution.Parse("pig=0.5,sheep=0.5", ConceptCatalog.Default), true);
        var results = new[] { new ItemResult(item, new float[60], [], 0.5, 800, kl, 0.25, false) };
        var diversity = priors
            ? Enum.GetValues<PriorKind>().Select((p, i) => new PriorDiversity(p, 1, 64, 9 + i, 0.5 + i / 10.0, [], [])).ToList()
            : [];
        return new MethodResult(name, results, diversity);
    }

    [Fact]
    public void Methods_carry_their_metrics_and_diversity_is_distoks_per_prior()
    {
        var set = new EvalSet("dev", [new EvalItem("p1", ConceptDistribution.Parse("pig=0.5,sheep=0.5", ConceptCatalog.Default), true)]);
        var json = EvalJson.Build(set, [Method("distok", 1.25, true), Method("plain_prompt", 2.5, false)], 4, 20, 200);
        Assert.Equal("dev", json["set"]!.GetValue<string>());
        foreach (var m in new[] { "distok", "plain_prompt" })
            foreach (var key in new[] { "kl", "support_mass", "pair_fusion_rate", "token_ms_median", "concept_ms_median" })
                Assert.NotNull(json["methods"]![m]![key]);
        Assert.Equal(1.25, json["methods"]!["distok"]!["kl"]!.GetValue<double>());
        Assert.Equal(9, json["diversity"]!["gaussian"]!["distinct_argmax"]!.GetValue<int>());
        Assert.Equal(11, json["diversity"]!["cauchy"]!["distinct_argmax"]!.GetValue<int>());
        Assert.Equal(0.6, json["diversity"]!["laplace"]!["mean_pairwise_distance"]!.GetValue<double>());
    }

    [Fact]
    public void Judge_single_concept_and_top_share_figures_appear_where_measured()
    {
        var item = new EvalItem("p1", ConceptDistribution.Parse("pig=0.5,sheep=0.5", ConceptCatalog.Default), true);
        var judged = new MethodResult("distok", [new ItemResult(item, new float[60], [], 0.5, 800, 1.0, 0.25, false, new JudgeReading(new float[60], 1.5, 0.125, true))],
            [new PriorDiversity(PriorKind.Gaussian, 1, 4, 2, 0.5, ["pig", "pig", "pig", "owl"], [])])
        { SingleConcept = new SingleConceptResult(0.75, 0.5, ["pig"], [], 4) };
        var set = new EvalSet("dev", [item]);
        var json = EvalJson.Build(set, [judged, Method("plain_prompt", 2.5, false)], 4, 20, 200);
        var distok = json["methods"]!["distok"]!;
        Assert.Equal(1.5, distok["judge_kl"]!.GetValue<double>());
        Assert.Equal(0.125, distok["judge_support_mass"]!.GetValue<double>());
        Assert.Equal(1.0, distok["judge_pair_fusion_rate"]!.GetValue<double>());
        Assert.Equal(0.75, distok["single_concept_top1"]!.GetValue<double>());
        Assert.Equal(0.5, distok["single_concept_top1_judge"]!.GetValue<double>());
        Assert.Equal(0.75, json["diversity"]!["gaussian"]!["top_share"]!.GetValue<double>());
        var plain = json["methods"]!["plain_prompt"]!.AsObject();
        Assert.False(plain.ContainsKey("judge_kl"));            // no judge read it
        Assert.False(plain.ContainsKey("single_concept_top1"));
    }
}
