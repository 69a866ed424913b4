using DisTok.Core.Backbone;

namespace DisTok.Data.Validation;

/// <summary>Checks and normalises user-written text and numbers; each check throws <see cref="StudioValidationException"/> naming the field.</summary>
public static class StudioInput
{
    /// <summary>A required one-line name: trimmed, not blank, at most <paramref name="max"/> characters, no control characters.</summary>
    public static string Name(string? value, string field, int max = StudioLimits.MaxNameLength)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) throw new StudioValidationException(field, $"{field} is required");
        return Line(v, field, max);
    }

    /// <summary>Optional multi-line notes: trimmed, null when blank, at most <see cref="StudioLimits.MaxNotesLength"/> characters.</summary>
    public static string? Notes(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > StudioLimits.MaxNotesLength)
            throw new StudioValidationException("notes", $"notes are {v.Length} characters long; at most {StudioLimits.MaxNotesLength} are kept");
        if (v.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new StudioValidationException("notes", "notes contain a control character");
        return v;
    }

    /// <summary>A name made by the app from longer text (a blend, a file name): cut to <paramref name="max"/> characters
    /// with an ellipsis, so it always passes <see cref="Name"/>.</summary>
    public static string Clip(string text, int max = StudioLimits.MaxNameLength) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>A display name: trimmed, <see cref="StudioLimits.AnonymousName"/> when blank, at most <see cref="StudioLimits.MaxDisplayNameLength"/> characters.</summary>
    public static string DisplayName(string? value, string field = "author")
    {
        var v = value?.Trim();
        return string.IsNullOrEmpty(v) ? StudioLimits.AnonymousName : Line(v, field, StudioLimits.MaxDisplayNameLength);
    }

    /// <summary>A prompt template: at most <see cref="StudioLimits.MaxTemplateLength"/> characters with exactly one placeholder <c>&lt;*&gt;</c>.</summary>
    public static string Template(string? value)
    {
        var v = value?.Trim() ?? "";
        if (v.Length > StudioLimits.MaxTemplateLength)
            throw new StudioValidationException("template", $"template is {v.Length} characters long; at most {StudioLimits.MaxTemplateLength}");
        try { Placeholder.Validate(v); }
        catch (ArgumentException e) { throw new StudioValidationException("template", $"template: {e.Message}"); }
        return Line(v, "template", StudioLimits.MaxTemplateLength);
    }

    /// <summary>An un-normalised room weight: finite, between 0 and <see cref="StudioLimits.MaxWeight"/> inclusive.</summary>
    public static double Weight(double value)
    {
        if (!double.IsFinite(value) || value < 0 || value > StudioLimits.MaxWeight)
            throw new StudioValidationException("weight", $"weight must be a number between 0 and {StudioLimits.MaxWeight}, got {value}");
        return value;
    }

    /// <summary>Optional PNG bytes: null or empty means none; otherwise a PNG signature and at most <paramref name="maxBytes"/> bytes.</summary>
    public static byte[]? Png(byte[]? value, string field, int maxBytes)
    {
        if (value is null || value.Length == 0) return null;
        if (value.Length > maxBytes) throw new StudioValidationException(field, $"{field} is {value.Length} bytes; at most {maxBytes} bytes");
        if (!value.AsSpan().StartsWith(PngSignature)) throw new StudioValidationException(field, $"{field} is not a PNG image");
        return value;
    }

    /// <summary>A one-line label (model version, text encoder, distribution text): not blank, at most <paramref name="max"/> characters.</summary>
    public static string Label(string? value, string field, int max = StudioLimits.MaxModelLabelLength) => Name(value, field, max);

    static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    static string Line(string v, string field, int max)
    {
        if (v.Length > max) throw new StudioValidationException(field, $"{field} is {v.Length} characters long; at most {max}");
        if (v.Any(char.IsControl)) throw new StudioValidationException(field, $"{field} contains a control character or line break");
        return v;
    }
}
