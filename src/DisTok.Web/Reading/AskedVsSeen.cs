using DisTok.Core.Distributions;
using DisTok.ML.DisTok.Evaluation;

namespace DisTok.Web.Reading;

/// <summary>One concept's bar pair: its share of what was asked and of what the labeler sees.</summary>
/// <param name="Key">The concept's name, or the room key of a saved token (which the labeler cannot see).</param>
/// <param name="Label">What people call it.</param>
/// <param name="Asked">Its normalised asked weight, 0 for concepts that were not asked for.</param>
/// <param name="Seen">The labeler's probability, or null for a saved token (not one of the labeler's concepts).</param>
public sealed record AskedSeenRow(string Key, string Label, double Asked, double? Seen);

/// <summary>
/// The closed loop on one image: the distribution that was asked for beside the soft labeler's reading of the image
/// (method.md §5's measures on one image). Rows: the asked parts, largest first, then the labeler's top other concepts.
/// </summary>
/// <param name="Rows">Asked parts first, then the top others.</param>
/// <param name="SupportMass">The reading's mass on the asked concepts (p_vis summed over the support of p_in), or null when nothing was asked or no asked part is a concept.</param>
/// <param name="Kl">KL(p_in ‖ p_vis restricted to the asked concepts and renormalised), with the same conditions.</param>
public sealed record AskedVsSeen(IReadOnlyList<AskedSeenRow> Rows, double? SupportMass, double? Kl)
{
    /// <summary>Other concepts shown after the asked ones.</summary>
    public const int Others = 3;

    /// <summary>Compares <paramref name="asked"/> (keys and weights, any scale; empty for an unconditional sample) with a reading.</summary>
    /// <param name="seen">The labeler's probabilities, in <paramref name="concepts"/> order.</param>
    /// <param name="labels">Names for keys that are not concepts (saved tokens); other keys show as themselves.</param>
    public static AskedVsSeen Compare(IReadOnlyList<(string Key, double Weight)> asked, IReadOnlyList<float> seen, IReadOnlyList<string> concepts,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        if (seen.Count != concepts.Count) throw new ArgumentException("one probability per concept expected");
        var index = concepts.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.OrdinalIgnoreCase);
        var positive = asked.Where(a => a.Weight > 0).ToList();
        double total = positive.Sum(a => a.Weight);
        var rows = positive.OrderByDescending(a => a.Weight).Select(a => new AskedSeenRow(a.Key, labels?.GetValueOrDefault(a.Key) ?? a.Key,
            a.Weight / total, index.TryGetValue(a.Key, out var i) ? seen[i] : null)).ToList();
        var others = Enumerable.Range(0, concepts.Count).Where(i => rows.All(r => !string.Equals(r.Key, concepts[i], StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(i => seen[i]).Take(Others).Select(i => new AskedSeenRow(concepts[i], concepts[i], 0, seen[i]));

        var read = rows.Where(r => r.Seen is not null).ToList();
        if (read.Count == 0) return new AskedVsSeen([.. rows, .. others], null, null);
        var input = ConceptDistribution.Create(read.Select(r => KeyValuePair.Create(concepts[index[r.Key]], r.Asked)),
            name => index.ContainsKey(name) ? name : null, concepts.Count);
        return new AskedVsSeen([.. rows, .. others], EvalMetrics.SupportMass(input, seen, concepts), EvalMetrics.Kl(input, seen, concepts));
    }

    /// <summary>The catalog concepts a prompt names (whole words, any case), equally weighted: what a plain prompt asks for.</summary>
    public static IReadOnlyList<(string Key, double Weight)> NamedIn(string prompt, DisTok.Core.Concepts.ConceptCatalog catalog)
    {
        var words = System.Text.RegularExpressions.Regex.Split(prompt.ToLowerInvariant(), "[^a-z]+").ToHashSet();
        return catalog.Concepts.Where(c => words.Contains(c.PromptWord.ToLowerInvariant()) || words.Contains(c.Name.ToLowerInvariant()))
            .Select(c => (c.Name, 1.0)).ToList();
    }

    /// <summary>The comparison in words a person understands.</summary>
    public string Summary => SupportMass is not { } mass || Kl is not { } kl
        ? Rows.Any(r => r.Asked > 0) ? "The labeler reads only the 60 concepts, and none of them was asked for here." : "Nothing among the 60 concepts was asked for: this is what the labeler sees."
        : $"{mass * 100:0} % of what it sees is what you asked for; {Balance(kl)} (KL {kl:0.00}).";

    static string Balance(double kl) => kl switch
    {
        < 0.05 => "within that, the mix is as you asked",
        < 0.3 => "within that, the mix is close to yours",
        < 1.0 => "within that, the mix leans away from yours",
        _ => "within that, one part takes most of it",
    };
}
