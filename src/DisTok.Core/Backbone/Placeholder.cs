namespace DisTok.Core.Backbone;

/// <summary>The placeholder a prompt template uses for a creative token, as in "a photo of a &lt;*&gt;".</summary>
public static class Placeholder
{
    public const string Text = "<*>";

    /// <summary>Throws a clear <see cref="ArgumentException"/> unless the template holds exactly one placeholder.</summary>
    public static void Validate(string template)
    {
        if (string.IsNullOrWhiteSpace(template)) throw new ArgumentException("the prompt is empty");
        int count = 0;
        for (int i = template.IndexOf(Text, StringComparison.Ordinal); i >= 0; i = template.IndexOf(Text, i + Text.Length, StringComparison.Ordinal)) count++;
        if (count == 0) throw new ArgumentException($"the prompt has no placeholder {Text} for the token, e.g. \"a photo of a {Text}\"");
        if (count > 1) throw new ArgumentException($"the prompt has {count} placeholders {Text}; use exactly one");
    }
}
