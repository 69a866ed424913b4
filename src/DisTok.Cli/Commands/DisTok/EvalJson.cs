using System.Text.Json.Nodes;
using DisTok.ML.DisTok.Evaluation;

namespace DisTok.Cli.Commands.DisTok;

/// <summary>The one JSON object `distok eval --json` prints: <c>{"set", "methods": {name: {kl, support_mass, pair_fusion_rate,
/// token_ms_median, concept_ms_median[, judge_kl, judge_support_mass, judge_pair_fusion_rate][, single_concept_top1,
/// single_concept_top1_judge][, priors]}}, "diversity": {gaussian|laplace|cauchy: {distinct_argmax, top_share,
/// mean_pairwise_distance, …}}, "ratios"}</c>; "diversity" is DisTok's prior diversity (each DisTok model's own is under its
/// method's "priors"); the judge_ figures are the independent judge's reading of the same images.</summary>
public static class EvalJson
{
    public static JsonObject Build(EvalSet set, IReadOnlyList<MethodResult> results, int seeds, int imageSteps, int optimisationSteps)
    {
        var methods = new JsonObject();
        foreach (var r in results)
        {
            var m = new JsonObject
            {
                ["kl"] = R(r.Kl), ["support_mass"] = R(r.SupportMass), ["pair_fusion_rate"] = R(r.PairFusionRate),
                ["token_ms_median"] = R(r.TokenMsMedian), ["concept_ms_median"] = R(r.ConceptMsMedian),
            };
            if (r.Judged)
            {
                m["judge_kl"] = R(r.JudgeKl); m["judge_support_mass"] = R(r.JudgeSupportMass); m["judge_pair_fusion_rate"] = R(r.JudgePairFusionRate);
            }
            if (r.SingleConcept is { } single)
            {
                m["single_concept_top1"] = R(single.Top1);
                if (single.JudgeTop1 is { } j) m["single_concept_top1_judge"] = R(j);
            }
            if (r.Priors.Count > 0)
                m["priors"] = new JsonObject(r.Priors.Select(p => KeyValuePair.Create(p.Prior.ToString().ToLowerInvariant(), (JsonNode?)new JsonObject
                {
                    ["samples"] = p.Samples, ["temperature"] = p.Temperature,
                    ["distinct_argmax"] = p.DistinctArgmax, ["top_share"] = R(p.TopShare), ["mean_pairwise_distance"] = R(p.MeanPairwiseDistance),
                })));
            methods[r.Name] = m;
        }
        var distok = results.First(r => r.Name == "distok");
        var optimisation = results.FirstOrDefault(r => r.Name == "per_concept_optimisation");
        var json = new JsonObject
        {
            ["set"] = set.Name, ["items"] = set.Items.Count, ["pairs"] = set.Pairs.Count(), ["seeds"] = seeds,
            ["image_steps"] = imageSteps, ["optimisation_steps"] = optimisationSteps, ["methods"] = methods,
        };
        if (methods["distok"]?["priors"] is JsonObject priors) json["diversity"] = priors.DeepClone();
        if (optimisation is not null)
            json["ratios"] = new JsonObject
            {
                ["optimisation_vs_distok_concept_ms"] = R(optimisation.ConceptMsMedian / distok.ConceptMsMedian),
                ["optimisation_vs_distok_token_ms"] = R(optimisation.TokenMsMedian / distok.TokenMsMedian),
            };
        return json;
    }

    static JsonNode? R(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 4)) : null;
}
