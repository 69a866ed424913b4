using DisTok.Core.Concepts;
using DisTok.ML.Diffusion.Hybrids;

namespace DisTok.ML.Diffusion.Training;

/// <summary>
/// Captions for training images. For an emoji image: templates with the concept's prompt word (listed twice, so
/// they stay about half of what is drawn), with and without the style word, plus its synonyms and short visual
/// descriptions from concept-captions.tsv, so that nearby embeddings render the same concept. For a hybrid image:
/// captions that name both concepts ("a pig sheep", "a pig with sheep wool"), the dominant concept first.
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

    static readonly string[] Synonym = ["a photo of a {c}", "a {c}", "a {c} emoji", "a {c} in {s} style"];

    static readonly string[] Look = ["a {c}", "a photo of a {c}", "an illustration of a {c}"];

    static readonly string[] Pair =
    [
        "a {a} {b}", "a photo of a {a} {b}", "a {a} {b} hybrid", "a mix of a {a} and a {b}", "a {a} crossed with a {b}",
        "half {a} half {b}", "a {a}-{b}", "a {a} {b} emoji",
    ];

    static readonly string[] PairPart = ["a {a} with {p}", "a photo of a {a} with {p}"];

    /// <summary>Every caption for an image of <paramref name="concept"/> (a catalog name) in a data-set style, in a fixed order; may repeat.</summary>
    public static IReadOnlyList<string> For(string concept, string style)
    {
        var s = StyleWords.For(style);
        var word = ConceptCatalog.Default.Get(concept).PromptWord;
        var words = ConceptCaptions.For(concept);
        var own = Plain.Select(t => Fill(t, word, s)).Concat(Styled.Select(t => Fill(t, word, s))).Distinct().ToArray();
        return own.Concat(own)
            .Concat(words.Synonyms.SelectMany(w => Synonym.Select(t => Fill(t, w, s))))
            .Concat(words.Looks.SelectMany(w => Look.Select(t => Fill(t, w, s))))
            .ToArray();
    }

    /// <summary>Every caption for a hybrid image: the dominant concept first (both orders at equal weight), with parts of the other.</summary>
    public static IReadOnlyList<string> ForHybrid(HybridEntry e)
    {
        var catalog = ConceptCatalog.Default;
        var orders = e.WeightA > 0.5f ? [(e.A, e.B)] : e.WeightA < 0.5f ? [(e.B, e.A)] : new[] { (e.A, e.B), (e.B, e.A) };
        var captions = new List<string>();
        foreach (var (first, second) in orders)
        {
            string a = catalog.Get(first).PromptWord, b = catalog.Get(second).PromptWord;
            captions.AddRange(Pair.Select(t => t.Replace("{a}", a).Replace("{b}", b)));
            foreach (var part in ConceptCaptions.For(second).Parts)
                captions.AddRange(PairPart.Select(t => t.Replace("{a}", a).Replace("{p}", part)));
        }
        return captions.Distinct().ToArray();
    }

    static string Fill(string template, string concept, string style) => template.Replace("{c}", concept).Replace("{s}", style);
}
