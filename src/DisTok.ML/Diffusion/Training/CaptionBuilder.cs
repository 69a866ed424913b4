namespace DisTok.ML.Diffusion.Training;

/// <summary>
/// Captions for one training image. Half the templates name only the concept (so "a photo of a pig"
/// covers every style), half also name the style (so style prompts steer the rendering, also for
/// creative tokens placed where the concept word stands).
/// </summary>
public static class CaptionBuilder
{
    static readonly string[] Plain =
    [
        "a photo of a {c}", "a {c}", "{c}", "a {c} emoji", "a picture of a {c}", "an illustration of a {c}",
    ];

    static readonly string[] Styled =
    [
        "a {c} in {s} style", "a {c} emoji in {s} style", "a {s} {c}", "a photo of a {c} in {s} style",
    ];

    /// <summary>Every caption for a concept word in a style, deduplicated, in a fixed order.</summary>
    public static IReadOnlyList<string> For(string conceptWord, string style)
    {
        var s = StyleWords.For(style);
        return Plain.Select(t => t.Replace("{c}", conceptWord))
            .Concat(Styled.Select(t => t.Replace("{c}", conceptWord).Replace("{s}", s)))
            .Distinct().ToArray();
    }
}
