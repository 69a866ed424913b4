using static TorchSharp.torch;

namespace DisTok.ML.Tests.Text;

[Collection(MiniLmCollection.Name)]
public class MiniLmBadInputTests(MiniLmFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_prompt_is_rejected(string prompt)
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => fixture.Encoder.Encode(prompt)).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithToken(prompt, new float[384])).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => fixture.Reference.Encode(prompt)).Message);
    }

    [Fact]
    public void Template_without_placeholder_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithToken("a photo of a pig", new float[384]));
        Assert.Contains("placeholder", e.Message);
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithSlots("a photo of a pig", zeros(1, 384)));
    }

    [Fact]
    public void Placeholder_in_a_plain_prompt_is_rejected()
    {
        Assert.Contains("placeholder", Assert.Throws<ArgumentException>(() => fixture.Encoder.Encode("a photo of a <*>")).Message);
        Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithToken("a <*> and a <*>", new float[384]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(383)]
    [InlineData(768)]
    public void Token_of_wrong_length_is_rejected(int length)
    {
        var e = Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithToken("a photo of a <*>", new float[length]));
        Assert.Contains("384", e.Message);
    }

    [Fact]
    public void Token_with_nan_and_slots_of_wrong_shape_are_rejected()
    {
        var token = new float[384];
        token[3] = float.NaN;
        Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithToken("a photo of a <*>", token));
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithSlots("a photo of a <*>", zeros(2, 383)));
        Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithSlots("a photo of a <*>", zeros(384)));
        Assert.Throws<ArgumentException>(() => fixture.Encoder.EncodeWithSlots("a <*> <*>", zeros(2, 384)));
        Assert.Throws<ArgumentException>(() => fixture.Encoder.WordEmbedding(" "));
    }
}
