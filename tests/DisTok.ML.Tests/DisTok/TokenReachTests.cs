using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.ML.DisTok;
using DisTok.ML.DisTok.Evaluation;
using DisTok.ML.Tests.Text;
using DisTok.Tests.Shared;

namespace DisTok.ML.Tests.DisTok;

[Collection(MiniLmCollection.Name)]
public class TokenReachTests(MiniLmFixture fixture) : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("reach-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static ConceptDistribution Dist(string text) => ConceptDistribution.Parse(text, ConceptCatalog.Default);

    [Fact]
    public void The_reference_prompt_names_the_concepts_largest_weight_first()
    {
        Assert.Equal("a pig sheep", ReferencePrompt.For(Dist("pig=0.6,sheep=0.4"), ConceptCatalog.Default));
        Assert.Equal("a sheep pig snake", ReferencePrompt.For(Dist("pig=0.3,sheep=0.5,snake=0.2"), ConceptCatalog.Default));
    }

    [Fact]
    public void Each_cosine_is_the_one_the_encoder_gives_and_the_free_optimum_beats_its_start()
    {
        TinyDisTok.Write(dir);
        using var model = DisTokModel.Load(dir);
        var items = new[] { new EvalItem("p", Dist("pig=0.5,sheep=0.5"), true), new EvalItem("d", Dist("cat=0.7,rose=0.3"), false) };
        var reach = TokenReach.Measure(fixture.Encoder, model, ConceptCatalog.Default, items, steps: 30, learningRate: 0.01);

        for (int k = 0; k < items.Length; k++)
        {
            var target = fixture.Encoder.Encode(ReferencePrompt.For(items[k].Distribution, ConceptCatalog.Default));
            double Cos(float[] token) => MiniLmFixture.Cosine(fixture.Encoder.EncodeWithToken(DisTokTrainer.CreativeTemplate, token), target);
            Assert.Equal(Cos(model.Pool.MixedToken(items[k].Distribution.ToDictionary())), reach[k].Mixed, 4);
            Assert.Equal(Cos(model.TokenFor(items[k].Distribution).Vector), reach[k].DisTok, 4);
            Assert.True(reach[k].Free > reach[k].Mixed + 0.05, $"{items[k].Id}: free {reach[k].Free:F3} vs start {reach[k].Mixed:F3}");
            Assert.InRange(reach[k].Free, -1.0, 1.0 + 1e-6);
        }
        Assert.Equal(["p", "d"], reach.Select(r => r.Id));
        Assert.True(reach[0].IsPair && !reach[1].IsPair);
    }
}
