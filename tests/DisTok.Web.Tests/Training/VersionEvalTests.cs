using System.Text.Json;
using DisTok.Web.Training;

namespace DisTok.Web.Tests.Training;

public class VersionEvalTests
{
    [Fact]
    public void Figures_round_trip_and_a_set_without_pairs_stores_no_fusion_rate()
    {
        var eval = new VersionEval("dev", 30, 2, 1.4629, 0.1417, null, 7, 32, 140.2, ["pig-sheep", "owl"]);
        var json = eval.ToJson();
        Assert.Contains("\"pair_fusion_rate\":null", json);
        var back = VersionEval.FromJson(json)!;
        Assert.Equal((eval.Kl, eval.SupportMass, eval.PairFusionRate, eval.DistinctArgmax), (back.Kl, back.SupportMass, back.PairFusionRate, back.DistinctArgmax));
        Assert.Equal(eval.GridItems, back.GridItems);
        JsonSerializer.Serialize(back);                        // the API's default serializer takes it too (no NaN)
        Assert.Null(VersionEval.FromJson("not json"));
        Assert.Null(VersionEval.FromJson(null));
    }
}
