using System.Globalization;
using System.Text.Json;
using DisTok.Core.IO;

namespace DisTok.Core.Tokens;

/// <summary>A token as a textual-inversion <c>.safetensors</c> embedding: tensor <c>emb_params</c> [1, dim] plus DisTok metadata.</summary>
static class TokenSafeTensors
{
    /// <summary>The tensor name ComfyUI looks for first; AUTOMATIC1111 takes the file's only tensor.</summary>
    const string TensorName = "emb_params";

    public static void Export(CreativeToken token, string path) => AtomicFile.Write(path, s => Export(token, s));

    public static void Export(CreativeToken token, Stream stream)
    {
        TokenChecks.ForWriting(token);
        var metadata = new Dictionary<string, string>
        {
            ["format"] = TokenFile.Format,
            ["created"] = token.CreatedUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["source"] = TokenJsonWriter.SourceJson(token.Source),
            ["model_version"] = token.Model.Version,
            ["model_sha256"] = token.Model.Sha256,
            ["text_encoder"] = token.Model.TextEncoder,
        };
        if (token.Name is { } name) metadata["name"] = name;
        SafeTensorsFile.Write(stream, TensorName, token.Vector, [1, token.Vector.Length], metadata);
    }

    public static CreativeToken Import(string path, TokenExpectations expect)
    {
        var what = $"token file '{path}'";
        return Import(TokenFile.ReadFile(path, what), expect, what);
    }

    public static CreativeToken Import(byte[] bytes, TokenExpectations expect, string what)
    {
        float[] data;
        long[] shape;
        IReadOnlyDictionary<string, string> meta;
        try { (data, shape, meta) = SafeTensorsFile.Read(new MemoryStream(bytes, writable: false), TensorName, TokenFile.MaxBytes); }
        catch (InvalidDataException e) { throw new TokenFileException($"{what}: {e.Message}", e); }
        if (!meta.TryGetValue("format", out var format))
            throw new TokenFileException($"{what} has no DisTok metadata, so it cannot be checked against this model");
        if (format != TokenFile.Format)
            throw new TokenFileException($"{what} has format '{format}'; this version reads '{TokenFile.Format}'");
        if (shape.Length != 2 || shape[0] != 1)
            throw new TokenFileException($"{what} holds a tensor of shape [{string.Join(", ", shape)}]; a DisTok token is [1, dim]");
        var model = new ModelStamp(Meta(meta, "model_version", what), Meta(meta, "model_sha256", what), Meta(meta, "text_encoder", what), (int)shape[1]);
        var token = new CreativeToken(data, ReadSource(Meta(meta, "source", what), what), model, ReadCreated(Meta(meta, "created", what), what),
            meta.GetValueOrDefault("name"));
        return TokenChecks.ForReading(token, expect, what);
    }

    static string Meta(IReadOnlyDictionary<string, string> meta, string key, string what) =>
        meta.TryGetValue(key, out var v) ? v : throw new TokenFileException($"{what} has no '{key}' in its DisTok metadata");

    static TokenSource ReadSource(string json, string what)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new TokenFileException($"{what}: the 'source' metadata is not a JSON object");
            return TokenJsonReader.ReadSource(doc.RootElement, what);
        }
        catch (JsonException e) { throw new TokenFileException($"{what}: the 'source' metadata is not valid JSON", e); }
    }

    static DateTimeOffset ReadCreated(string text, string what) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : throw new TokenFileException($"{what}: the 'created' metadata '{text}' is not an ISO 8601 round-trip time");
}
