namespace DisTok.Data.Validation;

/// <summary>Normalises a token's tags: trimmed, lower-case, distinct, each 1..32 characters, at most 16.</summary>
public static class TagList
{
    /// <summary>The normalised tags in first-seen order; blank entries are dropped.</summary>
    /// <exception cref="StudioValidationException">A tag is too long or has a control character or comma, or there are more than 16.</exception>
    public static IReadOnlyList<string> Normalize(IEnumerable<string?>? tags)
    {
        var result = new List<string>();
        foreach (var raw in tags ?? [])
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var tag = Normalize(raw);
            if (!result.Contains(tag, StringComparer.Ordinal)) result.Add(tag);
            if (result.Count > StudioLimits.MaxTags)
                throw new StudioValidationException("tags", $"a token has at most {StudioLimits.MaxTags} tags");
        }
        return result;
    }

    /// <summary>One tag, trimmed and lower-case (invariant culture).</summary>
    /// <exception cref="StudioValidationException">The tag is blank, too long, or has a control character or comma.</exception>
    public static string Normalize(string raw)
    {
        var tag = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        if (tag.Length == 0) throw new StudioValidationException("tag", "a tag is blank");
        if (tag.Length > StudioLimits.MaxTagLength)
            throw new StudioValidationException("tags", $"tag '{tag[..StudioLimits.MaxTagLength]}…' is longer than {StudioLimits.MaxTagLength} characters");
        if (tag.Any(c => char.IsControl(c) || c == ','))
            throw new StudioValidationException("tags", $"tag '{tag}' contains a comma or control character");
        return tag;
    }
}
