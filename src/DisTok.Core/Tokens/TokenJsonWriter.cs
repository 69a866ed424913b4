using System.Text.Encodings.Web;
using System.Text.Json;

namespace DisTok.Core.Tokens;

/// <summary>Writes the <c>distok-token/1</c> JSON: format, name, created, model, source, then the vector.</summary>
static class TokenJsonWriter
{
    // Token files are data, not HTML: keep names and '+' readable instead of \uXXXX-escaped.
    static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(CreativeToken token)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            w.WriteStartObject();
            w.WriteString("format", TokenFile.Format);
            w.WriteString("name", token.Name);
            w.WriteString("created", token.CreatedUtc.ToUniversalTime());
            w.WritePropertyName("model");
            WriteModel(w, token.Model);
            w.WritePropertyName("source");
            WriteSource(w, token.Source);
            w.WriteStartArray("vector");
            foreach (var v in token.Vector) w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The source as compact JSON (the safetensors metadata carries it as a string).</summary>
    public static string SourceJson(TokenSource source)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Compact)) WriteSource(w, source);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void WriteModel(Utf8JsonWriter w, ModelStamp model)
    {
        w.WriteStartObject();
        w.WriteString("version", model.Version);
        w.WriteString("sha256", model.Sha256);
        w.WriteString("textEncoder", model.TextEncoder);
        w.WriteNumber("dimension", model.Dimension);
        w.WriteEndObject();
    }

    static void WriteSource(Utf8JsonWriter w, TokenSource source)
    {
        w.WriteStartObject();
        w.WriteString("kind", source.Kind);
        if (source.Distribution is { } weights)
        {
            w.WriteStartObject("distribution");
            foreach (var (concept, weight) in weights) w.WriteNumber(concept, weight);
            w.WriteEndObject();
        }
        if (source.Prior is { } prior) w.WriteString("prior", Priors.Name(prior));
        if (source.Seed is { } seed) w.WriteNumber("seed", seed);
        if (source.Temperature is { } t) w.WriteNumber("temperature", t);
        w.WriteEndObject();
    }
}
