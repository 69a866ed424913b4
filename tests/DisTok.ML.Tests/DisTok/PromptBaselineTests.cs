using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.ML.DisTok.Evaluation;

namespace DisTok.ML.Tests.DisTok;

/// <summary>The plain-prompt baseline writes the concepts' words, heaviest first, into its template.</summary>
public class PromptBaselineTests
{
    static readonly ConceptDistribution SheepHeavy = ConceptDistribution.Parse("pig=0.3,sheep=0.7", ConceptCatalog.Default);

    [Fact]
    public void The_default_is_a_photo_of_a_with_the_heaviest_word_first()
    {
        var c = new PlainPromptMethod(ConceptCatalog.Default).Prepare(SheepHeavy);
        Assert.Equal("a photo of a sheep pig", c.Prompt);
        Assert.Null(c.Token);
    }

    [Fact]
    public void A_template_places_the_words_at_its_placeholder()
    {
        Assert.Equal("a sheep pig emoji in 3d style", new PlainPromptMethod(ConceptCatalog.Default, "a <*> emoji in 3d style").Prepare(SheepHeavy).Prompt);
    }
}
