using DisTok.Core.Tokens;
using DisTok.Data.Storage;

namespace DisTok.Data.Validation;

/// <summary>Checks a creative token before it is stored: a finite vector that matches its model stamp, and a source Core can read back.</summary>
public static class TokenInput
{
    /// <summary>The token's vector, checked.</summary>
    /// <exception cref="StudioValidationException">The vector is empty, too long, disagrees with the model stamp, or has a non-finite value.</exception>
    public static float[] Vector(CreativeToken token)
    {
        var v = token.Vector ?? throw new StudioValidationException("vector", "the token has no vector");
        if (v.Length == 0) throw new StudioValidationException("vector", "the token vector is empty");
        if (v.Length > StudioLimits.MaxDimension)
            throw new StudioValidationException("vector", $"the token vector has {v.Length} values; at most {StudioLimits.MaxDimension}");
        if (v.Length != token.Model.Dimension)
            throw new StudioValidationException("vector", $"the token vector has {v.Length} values but its model stamp says {token.Model.Dimension}");
        for (int i = 0; i < v.Length; i++)
            if (!float.IsFinite(v[i])) throw new StudioValidationException("vector", $"the token vector has {v[i]} at index {i}; values must be finite");
        return v;
    }

    /// <summary>The token's source as JSON, checked by reading it back through Core.</summary>
    /// <exception cref="StudioValidationException">The source's kind is unknown, it lacks a field its kind needs, has a non-finite weight, or is too long.</exception>
    public static string SourceJson(CreativeToken token)
    {
        try
        {
            var json = TokenSourceJson.Write(token.Source);
            if (json.Length > StudioLimits.MaxSourceLength)
                throw new StudioValidationException("source", $"the token source is {json.Length} characters of JSON; at most {StudioLimits.MaxSourceLength}");
            TokenSourceJson.Read(json);
            return json;
        }
        catch (Exception e) when (e is TokenFileException or ArgumentException and not StudioValidationException)
        {
            throw new StudioValidationException("source", $"the token source is not valid: {e.Message.Replace("the token: ", "", StringComparison.Ordinal)}");
        }
    }
}
