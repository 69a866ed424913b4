using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.Core.Tests.Distributions;

public class ConceptDistributionTests
{
    static readonly ConceptCatalog Catalog = ConceptCatalog.Default;

    static InvalidDistributionException Rejects(string text) =>
        Assert.Throws<InvalidDistributionException>(() => ConceptDistribution.Parse(text, Catalog));

    [Fact]
    public void Parses_the_command_line_form_in_input_order()
    {
        var d = ConceptDistribution.Parse("pig=0.55,sheep=0.25,snake=0.2", Catalog);
        Assert.Equal(["pig", "sheep", "snake"], d.Concepts);
        Assert.Equal(3, d.Count);
        Assert.False(d.WasNormalized);
        Assert.Equal(1.0, d.InputSum, 12);
        Assert.Equal(0.55, d["pig"], 12);
        Assert.Equal(0.2, d.Entries[2].Weight, 12);
        Assert.Equal("pig=0.55,sheep=0.25,snake=0.2", d.ToString());
    }

    [Fact]
    public void Weights_that_do_not_sum_to_one_are_normalised_and_reported()
    {
        var d = ConceptDistribution.Parse("pig=0.6, sheep=0.6", Catalog);
        Assert.True(d.WasNormalized);
        Assert.Equal(1.2, d.InputSum, 12);
        Assert.Equal([new DistributionEntry("pig", 0.5), new DistributionEntry("sheep", 0.5)], d.Entries);

        var e = ConceptDistribution.Parse("pig=3;sheep=1", Catalog);
        Assert.Equal(4.0, e.InputSum);
        Assert.Equal(0.75, e["pig"]);
        Assert.Equal(0.25, e["sheep"]);
        Assert.Equal("pig=0.75,sheep=0.25", e.ToString());
    }

    [Fact]
    public void Sums_within_one_millionth_of_one_count_as_normalised()
    {
        var d = ConceptDistribution.Parse("pig=0.5,sheep=0.5000005", Catalog);
        Assert.False(d.WasNormalized);
        Assert.Equal(1.0000005, d.InputSum, 12);
        Assert.Equal(1.0, d.Entries.Sum(x => x.Weight), 12);
    }

    [Fact]
    public void Names_resolve_to_canonical_names_and_lookup_ignores_case()
    {
        var d = ConceptDistribution.Parse(" PIG = 1 , Palm_Tree=1 ", Catalog);
        Assert.Equal(["pig", "palm_tree"], d.Concepts);
        Assert.Equal(0.5, d["Pig"]);
        Assert.Equal(0.5, d["palm_tree"]);
        Assert.Equal(0, d["sheep"]);
        Assert.Equal(0, d["griffin"]);
    }

    [Fact]
    public void Zero_weights_are_allowed_but_dropped()
    {
        var d = ConceptDistribution.Parse("pig=0.5,sheep=0,snake=0.5", Catalog);
        Assert.Equal(["pig", "snake"], d.Concepts);
        Assert.Equal(1.0, d.InputSum);
        Assert.Equal(0, d["sheep"]);
    }

    [Fact]
    public void Create_takes_pairs_and_a_resolver()
    {
        var d = ConceptDistribution.Create([new("a", 2), new("B", 6)], n => n.ToLowerInvariant(), maxConcepts: 2);
        Assert.Equal([new DistributionEntry("a", 0.25), new DistributionEntry("b", 0.75)], d.Entries);
        Assert.Equal(8.0, d.InputSum);
        var catalogD = ConceptDistribution.Create([new("Sheep", 1)], Catalog);
        Assert.Equal("sheep=1", catalogD.ToString());
    }

    [Fact]
    public void ToDictionary_holds_the_normalised_weights_in_order()
    {
        var dict = ConceptDistribution.Parse("snake=1,pig=3", Catalog).ToDictionary();
        Assert.Equal(["snake", "pig"], dict.Keys);
        Assert.Equal(0.75, dict["PIG"]);
    }

    [Theory]
    [InlineData("", "the distribution has no concepts")]
    [InlineData("   ", "the distribution has no concepts")]
    [InlineData("griffin=0.5,pig=0.5", "unknown concept 'griffin'")]
    [InlineData("pig=0.5,PIG=0.5", "concept 'pig' is listed twice")]
    [InlineData("pig=0.5,Pig =0.5", "listed twice ('pig' and 'Pig')")]
    [InlineData("pig=NaN,sheep=1", "concept 'pig' has a NaN weight")]
    [InlineData("pig=1e400,sheep=1", "concept 'pig' has an infinite weight")]
    [InlineData("pig=-0.2,sheep=1.2", "concept 'pig' has negative weight -0.2")]
    [InlineData("pig=0,sheep=0", "all weights are zero")]
    [InlineData("pig", "'pig' is not name=weight")]
    [InlineData("pig=abc", "'pig=abc': weight 'abc' is not a number")]
    [InlineData("pig=55%", "weight '55%' is not a number")]
    [InlineData("pig=", "weight '' is not a number")]
    [InlineData("=0.3", "'=0.3' has no concept name")]
    [InlineData("pig=1=2", "'pig=1=2' is not name=weight")]
    [InlineData("pig=0.5,,sheep=0.5", "empty part")]
    [InlineData("pig=1,", "empty part")]
    public void Bad_distributions_are_rejected_with_a_message_naming_the_problem(string text, string message)
    {
        Assert.Contains(message, Rejects(text).Message);
    }

    [Fact]
    public void Numbers_are_read_in_the_invariant_culture()
    {
        Assert.Contains("'5' is not name=weight", Rejects("pig=0,5").Message); // ',' separates parts, never decimals
        var d = ConceptDistribution.Parse("pig=1.5e-1,sheep=0.85", Catalog);
        Assert.Equal(0.15, d["pig"], 12);
    }

    [Fact]
    public void Create_rejects_empty_lists_blank_names_and_non_finite_weights()
    {
        Func<string, string?> any = n => n;
        Assert.Contains("no concepts", Assert.Throws<InvalidDistributionException>(() => ConceptDistribution.Create([], any, 60)).Message);
        Assert.Contains("a concept name is blank", Assert.Throws<InvalidDistributionException>(() => ConceptDistribution.Create([new(" ", 1)], any, 60)).Message);
        Assert.Contains("'x' has a NaN weight", Assert.Throws<InvalidDistributionException>(() => ConceptDistribution.Create([new("x", double.NaN)], any, 60)).Message);
        Assert.Contains("'x' has an infinite weight", Assert.Throws<InvalidDistributionException>(() => ConceptDistribution.Create([new("x", double.PositiveInfinity)], any, 60)).Message);
        Assert.Contains("unknown concept 'zebra'", Assert.Throws<InvalidDistributionException>(() => ConceptDistribution.Create([new("zebra", 1)], _ => null, 60)).Message);
    }

    [Fact]
    public void More_concepts_than_the_pool_knows_are_rejected()
    {
        var weights = Enumerable.Range(0, 70).Select(i => KeyValuePair.Create($"c{i}", 1.0));
        var e = Assert.Throws<InvalidDistributionException>(() => ConceptDistribution.Create(weights, n => n, maxConcepts: 60));
        Assert.Contains("the distribution has 70 concepts but the pool knows 60", e.Message);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }
}
