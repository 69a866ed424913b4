using System.Text.Json;

namespace DisTok.Core.Tokens;

/// <summary>Reads the <c>distok-token/1</c> JSON into a token, naming the first thing that is missing or malformed.
/// Checks only the file's structure; <see cref="TokenChecks"/> checks it against the loaded model.</summary>
static class TokenJsonReader
{
    /// <param name="json">The file's bytes.</param>
    /// <param name="what">How messages name the token, e.g. <c>token file 'pig.json'</c>.</param>
    public static CreativeToken Read(ReadOnlyMemory<byte> json, string what)
    {
        if (json.IsEmpty) throw new TokenFileException($"{what} is empty; not valid JSON (truncated?)");
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new TokenFileException($"{what} is not a DisTok token (the JSON is not an object)");
            CheckFormat(root, what);
            var vector = ReadVector(Field(root, "vector", JsonValueKind.Array, what), what);
            var model = ReadModel(Field(root, "model", JsonValueKind.Object, what), what);
            var source = ReadSource(Field(root, "source", JsonValueKind.Object, what), what);
            var created = Field(root, "created", JsonValueKind.String, what).TryGetDateTimeOffset(out var c)
                ? c : throw new TokenFileException($"{what}: 'created' is not an ISO 8601 time");
            return new CreativeToken(vector, source, model, created, OptionalString(root, "name", what));
        }
        catch (JsonException e)
        {
            throw new TokenFileException($"{what} is not valid JSON (truncated?): {e.Message}", e);
        }
    }

    /// <summary>Reads a source object, e.g. <c>{"kind":"prior","prior":"gaussian","seed":7,"temperature":1}</c>.</summary>
    public static TokenSource ReadSource(JsonElement e, string what)
    {
        var kind = Field(e, "kind", JsonValueKind.String, what, "source").GetString()!;
        if (!TokenSource.Kinds.Contains(kind))
            throw new TokenFileException($"{what}: source kind '{kind}' is not one of {string.Join(", ", TokenSource.Kinds)}");
        Dictionary<string, double>? weights = null;
        if (e.TryGetProperty("distribution", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.Object) throw new TokenFileException($"{what}: source 'distribution' is not an object");
            weights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in d.EnumerateObject())
                if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var w) || !weights.TryAdd(p.Name, w))
                    throw new TokenFileException($"{what}: source weight of '{p.Name}' is not a number or is repeated");
        }
        PriorKind? prior = null;
        if (OptionalString(e, "prior", what) is { } name)
        {
            try { prior = Priors.Parse(name); }
            catch (ArgumentException ex) { throw new TokenFileException($"{what}: source has {ex.Message}", ex); }
        }
        int? seed = e.TryGetProperty("seed", out var s) && s.ValueKind != JsonValueKind.Null
            ? s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var si) ? si : throw new TokenFileException($"{what}: source seed is not a 32-bit integer")
            : null;
        double? temperature = e.TryGetProperty("temperature", out var t) && t.ValueKind != JsonValueKind.Null
            ? t.ValueKind == JsonValueKind.Number && t.TryGetDouble(out var td) ? td : throw new TokenFileException($"{what}: source temperature is not a number")
            : null;
        if (kind is "distribution" or "optimised" && weights is null) throw new TokenFileException($"{what}: a '{kind}' source needs its 'distribution'");
        if (kind is "prior" && (prior is null || seed is null || temperature is null))
            throw new TokenFileException($"{what}: a 'prior' source needs 'prior', 'seed' and 'temperature'");
        return new TokenSource(kind, weights?.AsReadOnly(), prior, seed, temperature);
    }

    static void CheckFormat(JsonElement root, string what)
    {
        if (!root.TryGetProperty("format", out var f) || f.ValueKind != JsonValueKind.String)
            throw new TokenFileException($"{what} has no 'format' field; it is not a DisTok token file");
        if (f.GetString() != TokenFile.Format)
            throw new TokenFileException($"{what} has format '{f.GetString()}'; this version reads '{TokenFile.Format}'");
    }

    static float[] ReadVector(JsonElement array, string what)
    {
        var vector = new float[array.GetArrayLength()];
        int i = 0;
        foreach (var v in array.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number) throw new TokenFileException($"{what}: vector value {i} is not a number");
            // Out-of-float-range numbers either fail here or parse as infinity, which TokenChecks rejects.
            vector[i] = v.TryGetSingle(out var x) ? x : throw new TokenFileException($"{what}: vector value {i} is not a finite 32-bit float");
            i++;
        }
        return vector;
    }

    static ModelStamp ReadModel(JsonElement e, string what)
    {
        var dimension = Field(e, "dimension", JsonValueKind.Number, what, "model");
        return new ModelStamp(
            Field(e, "version", JsonValueKind.String, what, "model").GetString()!,
            Field(e, "sha256", JsonValueKind.String, what, "model").GetString()!,
            Field(e, "textEncoder", JsonValueKind.String, what, "model").GetString()!,
            dimension.TryGetInt32(out var n) ? n : throw new TokenFileException($"{what}: model dimension is not an integer"));
    }

    static JsonElement Field(JsonElement obj, string name, JsonValueKind kind, string what, string? parent = null)
    {
        var owner = parent is null ? what : $"{what}: {parent}";
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) throw new TokenFileException($"{owner} has no '{name}'");
        if (v.ValueKind != kind) throw new TokenFileException($"{owner} '{name}' should be a JSON {kind.ToString().ToLowerInvariant()}, not {v.ValueKind.ToString().ToLowerInvariant()}");
        return v;
    }

    static string? OptionalString(JsonElement obj, string name, string what) =>
        !obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw new TokenFileException($"{what}: '{name}' is not a string");
}
