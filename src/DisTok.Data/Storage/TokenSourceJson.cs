using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DisTok.Core.Tokens;

namespace DisTok.Data.Storage;

/// <summary>
/// A <see cref="TokenSource"/> as the compact JSON object of the <c>distok-token/1</c> format, e.g.
/// <c>{"kind":"prior","prior":"gaussian","seed":7,"temperature":1}</c>. Core writes and reads that object only as
/// part of a token file, so this goes through <see cref="TokenFile"/> with a one-value probe token: the stored
/// text is exactly Core's, and reading applies Core's checks (known kind, required fields).
/// </summary>
public static class TokenSourceJson
{
    const string ProbeLabel = "-";
    static readonly ModelStamp ProbeModel = new(ProbeLabel, ProbeLabel, ProbeLabel, 1);
    static readonly TokenExpectations ProbeExpectations = new(1, ProbeLabel);
    static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The source's JSON object.</summary>
    /// <exception cref="ArgumentException">A weight is not a finite number.</exception>
    public static string Write(TokenSource source)
    {
        var probe = new CreativeToken([0f], source, ProbeModel, DateTimeOffset.UnixEpoch);
        using var doc = JsonDocument.Parse(TokenFile.ToJson(probe));
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Compact)) doc.RootElement.GetProperty("source").WriteTo(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The source a JSON object describes.</summary>
    /// <exception cref="TokenFileException">The text is not one JSON object, or not a valid token source.</exception>
    public static TokenSource Read(string json)
    {
        string source;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new TokenFileException("a token source is not a JSON object");
            source = doc.RootElement.GetRawText();
        }
        catch (JsonException e)
        {
            throw new TokenFileException($"a token source is not valid JSON: {e.Message}", e);
        }
        var file = $$"""
            {"format":"{{TokenFile.Format}}","created":"1970-01-01T00:00:00Z",
             "model":{"version":"{{ProbeLabel}}","sha256":"{{ProbeLabel}}","textEncoder":"{{ProbeLabel}}","dimension":1},
             "source":{{source}},"vector":[0]}
            """;
        return TokenFile.FromJson(file, ProbeExpectations).Source;
    }
}
