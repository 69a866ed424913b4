using DisTok.Core.Tokens;
using static DisTok.Core.Tests.Tokens.TokenSamples;

namespace DisTok.Core.Tests.Tokens;

public sealed class TokenFileSafeTensorsTests : IDisposable
{
    readonly TokenSamples _samples = new();

    public void Dispose() => _samples.Dispose();

    string Rejects(string path, TokenExpectations? expect = null) =>
        Assert.Throws<TokenFileException>(() => TokenFile.ImportSafeTensors(path, expect ?? Expect)).Message;

    /// <summary>Writes a safetensors file directly, with the metadata a real export carries unless told otherwise.</summary>
    string WriteRaw(string file, float[] data, long[] shape, Action<Dictionary<string, string>>? editMetadata = null)
    {
        var exported = _samples.PathOf("exported.safetensors");
        TokenFile.ExportSafeTensors(Token(), exported);
        using var source = File.OpenRead(exported);
        var metadata = new Dictionary<string, string>(SafeTensorsFile.Read(source, "emb_params", TokenFile.MaxBytes).Metadata);
        editMetadata?.Invoke(metadata);
        var path = _samples.PathOf(file);
        using var stream = File.Create(path);
        SafeTensorsFile.Write(stream, "emb_params", data, shape, metadata);
        return path;
    }

    [Fact]
    public void A_token_round_trips_through_safetensors()
    {
        var token = Token();
        var path = _samples.PathOf("pig-sheep.safetensors");
        TokenFile.ExportSafeTensors(token, path);
        var back = TokenFile.ImportSafeTensors(path, Expect);
        AssertBitExact(token.Vector, back.Vector);
        Assert.Equal(token.Source, back.Source);
        Assert.Equal(token.Model, back.Model);
        Assert.Equal(token.CreatedUtc, back.CreatedUtc);
        Assert.Equal(token, back);
        Assert.Equal([path], Directory.GetFiles(_samples.Folder));
    }

    [Fact]
    public void The_export_is_one_emb_params_tensor_of_shape_1_by_dim_with_distok_metadata()
    {
        var path = _samples.PathOf("t.safetensors");
        TokenFile.ExportSafeTensors(Token(source: TokenSource.FromPrior(PriorKind.Gaussian, 7, 1)), path);
        using var stream = File.OpenRead(path);
        var (data, shape, metadata) = SafeTensorsFile.Read(stream, "emb_params", TokenFile.MaxBytes);
        Assert.Equal([1L, 384L], shape);
        Assert.Equal(384, data.Length);
        Assert.Equal("distok-token/1", metadata["format"]);
        Assert.Equal("piggy sheep", metadata["name"]);
        Assert.Equal(Sha, metadata["model_sha256"]);
        Assert.Equal(Encoder, metadata["text_encoder"]);
        Assert.Equal("""{"kind":"prior","prior":"gaussian","seed":7,"temperature":1}""", metadata["source"]);
    }

    [Fact]
    public void A_token_without_a_name_round_trips()
    {
        var token = Token(name: null);
        var path = _samples.PathOf("t.safetensors");
        TokenFile.ExportSafeTensors(token, path);
        Assert.Equal(token, TokenFile.ImportSafeTensors(path, Expect));
    }

    [Fact]
    public void A_safetensors_file_without_distok_metadata_is_rejected()
    {
        var path = WriteRaw("plain.safetensors", new float[384], [1, 384], m => m.Clear());
        Assert.Contains($"token file '{path}' has no DisTok metadata", Rejects(path));
    }

    [Fact]
    public void Malformed_safetensors_files_name_the_file_and_the_problem()
    {
        var path = _samples.PathOf("bad.safetensors");
        File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'{', (byte)'}']);
        Assert.Contains($"token file '{path}': the safetensors header length", Rejects(path));
        Assert.Contains("does not exist", Rejects(_samples.PathOf("missing.safetensors")));
    }

    [Fact]
    public void Shapes_other_than_one_vector_are_rejected()
    {
        var path = WriteRaw("two.safetensors", new float[384], [2, 192]);
        Assert.Contains("shape [2, 192]; a DisTok token is [1, dim]", Rejects(path));
    }

    [Fact]
    public void Imports_are_checked_against_the_loaded_model()
    {
        var nan = new float[384];
        nan[17] = float.NaN;
        Assert.Contains("has NaN at index 17", Rejects(WriteRaw("nan.safetensors", nan, [1, 384])));
        Assert.Contains("has 300 values; this model's tokens have 384", Rejects(WriteRaw("short.safetensors", new float[300], [1, 300])));
        var exported = _samples.PathOf("t.safetensors");
        TokenFile.ExportSafeTensors(Token(), exported);
        Assert.Contains("re-create it from its source: pig=0.55,sheep=0.45", Rejects(exported, Expect with { ModelSha256 = "abc" }));
        Assert.Contains("no 'model_sha256'", Rejects(WriteRaw("nosha.safetensors", new float[384], [1, 384], m => m.Remove("model_sha256"))));
        Assert.Contains("'source' metadata is not valid JSON", Rejects(WriteRaw("badsrc.safetensors", new float[384], [1, 384], m => m["source"] = "{kind")));
    }
}
