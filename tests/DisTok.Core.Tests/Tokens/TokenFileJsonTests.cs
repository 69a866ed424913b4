using System.Text.Json.Nodes;
using DisTok.Core.Tokens;
using static DisTok.Core.Tests.Tokens.TokenSamples;

namespace DisTok.Core.Tests.Tokens;

public sealed class TokenFileJsonTests : IDisposable
{
    readonly TokenSamples _samples = new();

    public void Dispose() => _samples.Dispose();

    static TokenFileException RejectsJson(string json, TokenExpectations? expect = null) =>
        Assert.Throws<TokenFileException>(() => TokenFile.FromJson(json, expect ?? Expect));

    /// <summary>The sample token's JSON with one change applied.</summary>
    static string Edited(Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(TokenFile.ToJson(Token()))!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    [Fact]
    public void A_token_round_trips_through_a_file_bit_exact()
    {
        var token = Token();
        var path = _samples.PathOf("pig-sheep.distok.json");
        TokenFile.Write(token, path);
        var back = TokenFile.Read(path, Expect);
        AssertBitExact(token.Vector, back.Vector);
        Assert.Equal(token.Source, back.Source);
        Assert.Equal(token.Model, back.Model);
        Assert.Equal(token.CreatedUtc, back.CreatedUtc);
        Assert.Equal("piggy sheep", back.Name);
        Assert.Equal(token, back);
        Assert.Equal([path], Directory.GetFiles(_samples.Folder)); // no temporary file left behind
    }

    [Fact]
    public void Writing_over_an_existing_file_replaces_it()
    {
        var path = _samples.PathOf("t.json");
        TokenFile.Write(Token(name: "first"), path);
        TokenFile.Write(Token(name: "second"), path);
        Assert.Equal("second", TokenFile.Read(path, Expect).Name);
        Assert.Single(Directory.GetFiles(_samples.Folder));
    }

    [Fact]
    public void Prior_tokens_round_trip_through_streams()
    {
        var token = Token(name: null, source: TokenSource.FromPrior(PriorKind.Laplace, 7, 0.8));
        using var stream = new MemoryStream();
        TokenFile.Write(token, stream);
        stream.Position = 0;
        var back = TokenFile.Read(stream, Expect);
        Assert.Equal(token, back);
        Assert.Null(back.Name);
        Assert.Equal("laplace prior, seed 7, T 0.8", back.Source.Describe());
    }

    [Fact]
    public void The_json_is_camel_case_with_a_format_field()
    {
        var json = JsonNode.Parse(TokenFile.ToJson(Token()))!;
        Assert.Equal("distok-token/1", (string?)json["format"]);
        Assert.Equal(Encoder, (string?)json["model"]!["textEncoder"]);
        Assert.Equal(384, (int?)json["model"]!["dimension"]);
        Assert.Equal("distribution", (string?)json["source"]!["kind"]);
        Assert.Equal(0.55, (double?)json["source"]!["distribution"]!["pig"]);
        Assert.Equal(384, json["vector"]!.AsArray().Count);
    }

    [Fact]
    public void Any_model_version_is_accepted_when_no_sha_is_required()
    {
        var json = TokenFile.ToJson(Token());
        Assert.Equal(Token(), TokenFile.FromJson(json, Expect with { ModelSha256 = null }));
        Assert.Equal(Token(), TokenFile.FromJson(json, Expect with { ModelSha256 = Sha.ToUpperInvariant() }));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = _samples.PathOf("nope.json");
        var e = Assert.Throws<TokenFileException>(() => TokenFile.Read(path, Expect));
        Assert.Contains($"token file '{path}' does not exist", e.Message);
    }

    [Fact]
    public void A_truncated_file_is_not_valid_json()
    {
        var path = _samples.PathOf("cut.json");
        TokenFile.Write(Token(), path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<TokenFileException>(() => TokenFile.Read(path, Expect));
        Assert.Contains($"token file '{path}' is not valid JSON (truncated?)", e.Message);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var path = _samples.PathOf("empty.json");
        File.WriteAllBytes(path, []);
        Assert.Contains("is empty; not valid JSON", Assert.Throws<TokenFileException>(() => TokenFile.Read(path, Expect)).Message);
    }

    [Fact]
    public void Files_and_streams_over_the_limit_are_too_large()
    {
        var path = _samples.PathOf("huge.json");
        File.WriteAllBytes(path, new byte[TokenFile.MaxBytes + 1]);
        var e = Assert.Throws<TokenFileException>(() => TokenFile.Read(path, Expect));
        Assert.Contains($"token file '{path}' is too large (1000001 bytes", e.Message);
        using var endless = new NonSeekable(new MemoryStream(new byte[TokenFile.MaxBytes + 10]));
        Assert.Contains("too large", Assert.Throws<TokenFileException>(() => TokenFile.Read(endless, Expect)).Message);
        Assert.Contains("too large", RejectsJson(new string(' ', (int)TokenFile.MaxBytes + 1)).Message);
    }

    [Fact]
    public void A_token_of_another_dimension_is_rejected()
    {
        var json = TokenFile.ToJson(Token(dimension: 300));
        Assert.Contains("has 300 values; this model's tokens have 384", RejectsJson(json).Message);
    }

    [Fact]
    public void A_token_from_another_text_encoder_is_rejected()
    {
        var e = RejectsJson(TokenFile.ToJson(Token()), new TokenExpectations(384, "clip-vit-l-14"));
        Assert.Contains("text encoder 'all-MiniLM-L6-v2'; this model uses 'clip-vit-l-14'", e.Message);
    }

    [Fact]
    public void A_token_from_another_model_says_how_to_re_create_it()
    {
        var e = RejectsJson(TokenFile.ToJson(Token()), Expect with { ModelSha256 = "def4567890abcdef" });
        Assert.Equal(
            "the token was made by DisTok model 2026.05-1 (sha256 3f5c0e1d2b4a…), the loaded model is def4567890ab…; " +
            "re-create it from its source: pig=0.55,sheep=0.45", e.Message);
    }

    [Fact]
    public void Non_finite_values_are_rejected()
    {
        Assert.Contains("vector value 5 is not a number", RejectsJson(Edited(j => j["vector"]![5] = "NaN")).Message);
        var overflow = RejectsJson(Edited(j => j["vector"]![5] = JsonValue.Create(1e39))).Message;
        Assert.Contains("5", overflow);
        Assert.Contains("infinite", overflow);
    }

    [Theory]
    [InlineData("format", "has no 'format' field")]
    [InlineData("vector", "has no 'vector'")]
    [InlineData("model", "has no 'model'")]
    [InlineData("source", "has no 'source'")]
    [InlineData("created", "has no 'created'")]
    public void Missing_fields_are_named(string field, string message)
    {
        Assert.Contains(message, RejectsJson(Edited(j => j.Remove(field))).Message);
    }

    [Fact]
    public void Malformed_fields_are_named()
    {
        Assert.Contains("has format 'distok-token/2'", RejectsJson(Edited(j => j["format"] = "distok-token/2")).Message);
        Assert.Contains("model has no 'sha256'", RejectsJson(Edited(j => j["model"]!.AsObject().Remove("sha256"))).Message);
        Assert.Contains("'vector' should be a JSON array", RejectsJson(Edited(j => j["vector"] = "1,2,3")).Message);
        Assert.Contains("source kind 'magic'", RejectsJson(Edited(j => j["source"]!["kind"] = "magic")).Message);
        Assert.Contains("needs its 'distribution'", RejectsJson(Edited(j => j["source"]!.AsObject().Remove("distribution"))).Message);
        Assert.Contains("unknown prior 'normal'", RejectsJson(Edited(j => j["source"]!["prior"] = "normal")).Message);
        Assert.Contains("model stamp says 383", RejectsJson(Edited(j => j["model"]!["dimension"] = 383)).Message);
        Assert.Contains("'created' is not an ISO 8601 time", RejectsJson(Edited(j => j["created"] = "yesterday")).Message);
        Assert.Contains("not a DisTok token", RejectsJson("[1, 2, 3]").Message);
    }

    [Fact]
    public void Tokens_no_reader_would_accept_are_not_written()
    {
        var nan = Token();
        nan.Vector[9] = float.NaN;
        Assert.Contains("at index 9", Assert.Throws<ArgumentException>(() => TokenFile.ToJson(nan)).Message);
        var mismatched = Token() with { Model = Token().Model with { Dimension = 768 } };
        Assert.Contains("model stamp says 768", Assert.Throws<ArgumentException>(() => TokenFile.ToJson(mismatched)).Message);
    }

    sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
