using DisTok.Core.Tokens;
using DisTok.Data.Storage;

namespace DisTok.Data.Tests.Storage;

public class StorageFormatTests
{
    [Fact]
    public void Vectors_are_little_endian_float32_bit_for_bit()
    {
        float[] vector = [1f, -0f, float.NaN, float.Epsilon];
        var bytes = VectorBytes.FromVector(vector);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x80, 0x3F }, bytes[..4]);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x00, 0x80 }, bytes[4..8]);
        Assert.Equal(bytes, VectorBytes.FromVector(VectorBytes.ToVector(bytes)));
        Assert.Throws<InvalidDataException>(() => VectorBytes.ToVector(new byte[5]));
    }

    [Fact]
    public void Sources_are_stored_as_the_token_formats_json_object()
    {
        var source = Samples.PigSheep().Source;
        var json = TokenSourceJson.Write(source);
        Assert.Equal("""{"kind":"distribution","distribution":{"pig":0.55,"sheep":0.45}}""", json);
        Assert.Equal(source, TokenSourceJson.Read(json));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"kind":"dream"}""")]
    [InlineData("""{"kind":"prior"},"vector":[1,2]""")]
    public void Malformed_sources_are_refused(string json) => Assert.Throws<TokenFileException>(() => TokenSourceJson.Read(json));
}
