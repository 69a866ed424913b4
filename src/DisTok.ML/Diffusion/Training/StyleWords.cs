namespace DisTok.ML.Diffusion.Training;

/// <summary>The word a caption uses for each rendering of the emoji data set ("a pig emoji in 3d style").</summary>
public static class StyleWords
{
    static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["noto"] = "cartoon",
        ["noto-v1"] = "glossy",
        ["twemoji"] = "flat",
        ["fluent-flat"] = "minimal",
        ["fluent-color"] = "colorful",
        ["fluent-high-contrast"] = "black and white",
        ["fluent-3d"] = "3d",
        ["streamline"] = "outlined",
        ["fxemoji"] = "vivid",
    };

    /// <summary>All style words users can put in a prompt.</summary>
    public static IReadOnlyCollection<string> All => Words.Values.Distinct().ToArray();

    /// <summary>The word for a data-set style; unknown styles fall back to the style name itself.</summary>
    public static string For(string style) => Words.TryGetValue(style, out var w) ? w : style.Replace('-', ' ');
}
