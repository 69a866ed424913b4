using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.Core.Tests.Distributions;

public class ReadingDistributionTests
{
    static readonly string[] Concepts = ["pig", "sheep", "cat", "dog", "owl"];

    [Fact]
    public void The_top_concepts_are_normalised_to_hundredths()
    {
        // top 3 of (.5, .2, .1, .15, .05): pig .5, sheep .2, dog .15 → coverage .85; .5/.85 = .588 → .59, .2/.85 → .24, .15/.85 → .18
        var (d, coverage) = ReadingDistribution.Top([0.5f, 0.2f, 0.1f, 0.15f, 0.05f], Concepts, 3, ConceptCatalog.Default);
        Assert.Equal(0.85, coverage, 6);
        Assert.Equal(["pig", "sheep", "dog"], d.Entries.Select(e => e.Concept));
        Assert.Equal(0.59 / 1.01, d.Entries[0].Weight, 6);   // .59 + .24 + .18 = 1.01, normalised
        Assert.Equal(1.0, d.Entries.Sum(e => e.Weight), 9);
    }

    [Fact]
    public void Concepts_under_five_percent_are_left_out_but_never_the_most_likely()
    {
        var (d, coverage) = ReadingDistribution.Top([0.9f, 0.04f, 0.03f, 0.02f, 0.01f], Concepts, 3, ConceptCatalog.Default);
        Assert.Equal(("pig", 1.0), (d.Entries.Single().Concept, d.Entries.Single().Weight));
        Assert.Equal(0.9, coverage, 6);
        var flat = ReadingDistribution.Top([0.04f, 0.03f, 0.02f, 0.01f, 0.9f], Concepts, 1, ConceptCatalog.Default);
        Assert.Equal("owl", flat.Distribution.Entries.Single().Concept);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ReadingDistribution.Top([1f], Concepts, 3, ConceptCatalog.Default));
        Assert.Throws<ArgumentException>(() => ReadingDistribution.Top([0.2f, 0.2f, 0.2f, 0.2f, 0.2f], Concepts, 0, ConceptCatalog.Default));
    }
}
