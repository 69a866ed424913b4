using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;

namespace DisTok.Core.Tests.Tokens;

/// <summary>Tokens, expectations and a scratch folder shared by the token file tests.</summary>
public sealed class TokenSamples : IDisposable
{
    public const string Sha = "3f5c0e1d2b4a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public const string Encoder = "all-MiniLM-L6-v2";

    public static readonly TokenExpectations Expect = new(384, Encoder, Sha);

    public static readonly DateTimeOffset Created = new DateTimeOffset(2026, 5, 1, 12, 34, 56, TimeSpan.Zero).AddTicks(1234567);

    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("distok-tokens-");

    public string Folder => _folder.FullName;

    public string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>A 384-value token with awkward floats: -0, the smallest subnormal, the largest float, a long fraction.</summary>
    public static CreativeToken Token(int dimension = 384, string? name = "piggy sheep", TokenSource? source = null)
    {
        var random = new Random(7);
        var vector = new float[dimension];
        for (int i = 0; i < dimension; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
        vector[0] = -0f;
        vector[1] = float.Epsilon;
        vector[2] = float.MaxValue;
        vector[3] = 1f / 3f;
        source ??= TokenSource.FromDistribution(ConceptDistribution.Parse("pig=0.55,sheep=0.45", ConceptCatalog.Default));
        return new CreativeToken(vector, source, new ModelStamp("2026.05-1", Sha, Encoder, dimension), Created, name);
    }

    /// <summary>Asserts two vectors are identical bit for bit (so -0 differs from 0).</summary>
    public static void AssertBitExact(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"value {i}: {expected[i]} vs {actual[i]}");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
