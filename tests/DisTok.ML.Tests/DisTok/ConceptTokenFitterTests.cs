using DisTok.ML.DisTok;
using DisTok.ML.Tests.Text;

namespace DisTok.ML.Tests.DisTok;

[Collection(MiniLmCollection.Name)]
public class ConceptTokenFitterTests(MiniLmFixture fixture)
{
    [Fact]
    public void A_single_piece_name_is_its_word_embedding()
    {
        var entries = ConceptTokenFitter.KnownEntries(fixture.Encoder, new([new("pig", "pig", "1F416", "pig")]));
        Assert.Equal(fixture.Encoder.WordEmbedding("pig").Rows[0], entries[0].Token);
    }

    [Fact]
    public void A_multi_piece_name_gets_one_fitted_vector_closer_than_the_mean_of_its_pieces()
    {
        var word = fixture.Encoder.WordEmbedding("hedgehog");
        Assert.False(word.IsSinglePiece);
        var target = fixture.Encoder.Encode("a photo of a hedgehog");
        double Closeness(float[] t) => MiniLmFixture.Cosine(fixture.Encoder.EncodeWithToken(ConceptTokenFitter.FitTemplate, t), target);
        var fitted = ConceptTokenFitter.Fit(fixture.Encoder, ["hedgehog"], [word.Mean()], steps: 60, learningRate: 0.01)[0];
        Assert.True(Closeness(fitted) > Closeness(word.Mean()) + 0.01, $"fitted {Closeness(fitted):F3} vs mean {Closeness(word.Mean()):F3}");
    }
}
