using DisTok.Web.Reading;

namespace DisTok.Web.Tests.Reading;

public class AskedVsSeenTests
{
    static readonly string[] Concepts = ["pig", "sheep", "cat", "dog", "owl"];

    [Fact]
    public void A_pair_against_a_reading_by_hand()
    {
        // seen: pig .4, sheep .1, cat .3, dog .15, owl .05. Support mass .5; restricted and renormalised: pig .8, sheep .2.
        // KL = .5·ln(.5/.8) + .5·ln(.5/.2) = .5·(−0.470004) + .5·0.916291 = 0.223144
        var c = AskedVsSeen.Compare([("pig", 1), ("sheep", 1)], [0.4f, 0.1f, 0.3f, 0.15f, 0.05f], Concepts);
        Assert.Equal(0.5, c.SupportMass!.Value, 6);
        Assert.Equal(0.223144, c.Kl!.Value, 5);
        Assert.Equal([("pig", 0.5, 0.4), ("sheep", 0.5, 0.1), ("cat", 0, 0.3), ("dog", 0, 0.15), ("owl", 0, 0.05)],
            c.Rows.Select(r => (r.Key, r.Asked, Math.Round(r.Seen!.Value, 6))));
        Assert.Equal("50 % of what it sees is what you asked for; within that, the mix is close to yours (KL 0.22).", c.Summary);
    }

    [Fact]
    public void Asked_parts_come_largest_first_then_the_top_three_others()
    {
        var c = AskedVsSeen.Compare([("sheep", 0.2), ("pig", 0.6), ("owl", 0)], [0.1f, 0.1f, 0.5f, 0.2f, 0.1f], Concepts);
        Assert.Equal(["pig", "sheep", "cat", "dog", "owl"], c.Rows.Select(r => r.Key));   // owl at weight 0 is not asked
        Assert.Equal(0.75, c.Rows[0].Asked, 9);
        Assert.Equal(0, c.Rows[4].Asked);
    }

    [Fact]
    public void A_saved_token_has_no_seen_bar_and_the_measures_use_the_concepts_only()
    {
        var c = AskedVsSeen.Compare([("token:abc", 1), ("pig", 1)], [0.4f, 0.1f, 0.3f, 0.15f, 0.05f], Concepts,
            new Dictionary<string, string> { ["token:abc"] = "\"my owl\"" });
        Assert.Equal(("\"my owl\"", 0.5, (double?)null), (c.Rows[0].Label, c.Rows[0].Asked, c.Rows[0].Seen));
        Assert.Equal(0.4, c.SupportMass!.Value, 6);
        Assert.Equal(0, c.Kl!.Value, 9);   // p_in restricted to its one concept is pig = 1
    }

    [Fact]
    public void Nothing_asked_shows_the_reading_alone()
    {
        var c = AskedVsSeen.Compare([], [0.4f, 0.1f, 0.3f, 0.15f, 0.05f], Concepts);
        Assert.Equal(["pig", "cat", "dog"], c.Rows.Select(r => r.Key));
        Assert.Null(c.Kl);
        Assert.Equal("Nothing among the 60 concepts was asked for: this is what the labeler sees.", c.Summary);
    }

    [Fact]
    public void The_words_follow_the_kl()
    {
        var near = AskedVsSeen.Compare([("pig", 1), ("sheep", 1)], [0.3f, 0.3f, 0.2f, 0.1f, 0.1f], Concepts);
        var far = AskedVsSeen.Compare([("pig", 1), ("sheep", 1)], [0.69f, 0.01f, 0.2f, 0.05f, 0.05f], Concepts);
        Assert.Equal("60 % of what it sees is what you asked for; within that, the mix is as you asked (KL 0.00).", near.Summary);
        Assert.StartsWith("70 % of what it sees is what you asked for; within that, one part takes most of it (KL 1.", far.Summary);
    }

    [Fact]
    public void A_prompt_asks_for_the_concepts_it_names()
    {
        var catalog = DisTok.Core.Concepts.ConceptCatalog.Default;
        Assert.Equal([("pig", 1.0), ("sheep", 1.0)], AskedVsSeen.NamedIn("A photo of a Pig with sheep wool", catalog).OrderBy(a => a.Key));
        Assert.Empty(AskedVsSeen.NamedIn("a photo of a spaceship", catalog));
        Assert.Empty(AskedVsSeen.NamedIn("a piglet", catalog));   // whole words only
    }
}
