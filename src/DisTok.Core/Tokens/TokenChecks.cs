namespace DisTok.Core.Tokens;

/// <summary>The checks a token passes before it is written, and before a read token is handed to the loaded model.</summary>
static class TokenChecks
{
    /// <summary>Rejects a token no reader would accept: empty, non-finite, or a vector that disagrees with its model stamp.</summary>
    public static void ForWriting(CreativeToken token)
    {
        if (token.Vector.Length == 0) throw new ArgumentException("the token vector is empty", nameof(token));
        if (token.Vector.Length != token.Model.Dimension)
            throw new ArgumentException($"the token vector has {token.Vector.Length} values but its model stamp says {token.Model.Dimension}", nameof(token));
        if (FirstNonFinite(token.Vector) is { } i)
            throw new ArgumentException($"the token vector has {token.Vector[i]} at index {i}; values must be finite", nameof(token));
    }

    /// <summary>Rejects a read token that does not fit the model described by <paramref name="expect"/>.</summary>
    /// <param name="what">How messages name the token, e.g. <c>token file 'pig.json'</c>.</param>
    public static CreativeToken ForReading(CreativeToken token, TokenExpectations expect, string what)
    {
        var model = token.Model;
        if (!string.Equals(model.TextEncoder, expect.TextEncoder, StringComparison.OrdinalIgnoreCase))
            throw new TokenFileException($"{what} lives in the embedding space of text encoder '{model.TextEncoder}'; this model uses '{expect.TextEncoder}'");
        if (token.Vector.Length != expect.Dimension)
            throw new TokenFileException($"{what} has {token.Vector.Length} values; this model's tokens have {expect.Dimension}");
        if (model.Dimension != token.Vector.Length)
            throw new TokenFileException($"{what} has {token.Vector.Length} values but its model stamp says {model.Dimension}");
        if (FirstNonFinite(token.Vector) is { } i)
            throw new TokenFileException($"{what} has {(float.IsNaN(token.Vector[i]) ? "NaN" : "an infinite value")} at index {i}");
        if (expect.ModelSha256 is { } sha && !string.Equals(model.Sha256, sha, StringComparison.OrdinalIgnoreCase))
            throw new TokenFileException(
                $"{what} was made by DisTok model {model.Version} (sha256 {Short(model.Sha256)}), the loaded model is {Short(sha)}; " +
                $"re-create it from its source: {token.Source.Describe()}");
        return token;
    }

    static int? FirstNonFinite(float[] vector)
    {
        for (int i = 0; i < vector.Length; i++)
            if (!float.IsFinite(vector[i])) return i;
        return null;
    }

    static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;
}
