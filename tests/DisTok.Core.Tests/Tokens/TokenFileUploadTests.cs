using System.Text;
using DisTok.Core.Tokens;
using static DisTok.Core.Tests.Tokens.TokenSamples;

namespace DisTok.Core.Tests.Tokens;

/// <summary>An upload is read as JSON or .safetensors by its first byte, and every bad upload is named in the message.</summary>
public sealed class TokenFileUploadTests
{
    static CreativeToken Upload(byte[] bytes, TokenExpectations? expect = null) =>
        TokenFile.ReadUpload(new MemoryStream(bytes), expect ?? Expect, "the file 'up'");

    static string Rejects(byte[] bytes, TokenExpectations? expect = null) =>
        Assert.Throws<TokenFileException>(() => Upload(bytes, expect)).Message;

    [Fact]
    public void A_json_upload_with_leading_blanks_and_a_bom_is_read_as_json()
    {
        var token = Token();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("\n  " + TokenFile.ToJson(token))).ToArray();
        var back = Upload(bytes);
        AssertBitExact(token.Vector, back.Vector);
        Assert.Equal(token, back);
    }

    [Fact]
    public void A_safetensors_upload_round_trips()
    {
        var token = Token();
        using var stream = new MemoryStream();
        TokenFile.ExportSafeTensors(token, stream);
        var back = Upload(stream.ToArray());
        AssertBitExact(token.Vector, back.Vector);
        Assert.Equal(token, back);
    }

    [Fact]
    public void Empty_too_large_and_garbage_uploads_are_refused_by_name()
    {
        Assert.Equal("the file 'up' is empty", Rejects([]));
        Assert.Contains("the file 'up'", Rejects(new byte[TokenFile.MaxBytes + 1]));
        Assert.Contains("the file 'up'", Rejects(Encoding.UTF8.GetBytes("hello, not a token")));
        Assert.Contains("the file 'up'", Rejects(Encoding.UTF8.GetBytes("{\"format\": \"distok-token/1\"")));
    }

    [Fact]
    public void An_upload_from_another_model_is_refused()
    {
        var other = Expect with { ModelSha256 = new string('a', 64) };
        Assert.Contains("model", Rejects(Encoding.UTF8.GetBytes(TokenFile.ToJson(Token())), other));
    }
}
