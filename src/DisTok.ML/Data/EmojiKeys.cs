using System.Text;
using DisTok.Core.Concepts;

namespace DisTok.ML.Data;

/// <summary>The file or icon names under which a package may hold a concept's emoji, most likely first.</summary>
public static class EmojiKeys
{
    /// <summary>Ordered candidate keys of <paramref name="concept"/> in <paramref name="package"/>: an override if any, then codepoints or names.</summary>
    public static IReadOnlyList<string> Candidates(EmojiPackage package, Concept concept, EmojiInfo? info)
    {
        var keys = new List<string>();
        if (package.NameOverrides?.TryGetValue(concept.Name, out var overridden) == true) keys.Add(overridden);
        keys.AddRange(package.Kind == EmojiSourceKind.CodepointFiles
            ? CodepointCandidates(concept.Codepoint)
            : NameCandidates(concept, info, package.NameForm));
        return keys.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary><c>1F577-FE0F</c> → <c>1f577-fe0f</c>, then <c>1f577</c>.</summary>
    public static IEnumerable<string> CodepointCandidates(string codepoint)
    {
        yield return codepoint.ToLowerInvariant();
        yield return WithoutVariationSelector(codepoint).ToLowerInvariant();
    }

    /// <summary>Drops the emoji variation selector: <c>2602-FE0F</c> → <c>2602</c>.</summary>
    public static string WithoutVariationSelector(string codepoint) =>
        string.Join('-', codepoint.Split('-').Where(p => !p.Equals("FE0F", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Name candidates, spelled for the package: the Unicode name of the codepoint (from emoji.json),
    /// the same without a trailing "face" (CLDR calls U+1F981 LION FACE just "lion"), the concept's
    /// name columns, the short names; then each again with a "-1" suffix (sets that number variants).
    /// </summary>
    public static IEnumerable<string> NameCandidates(Concept concept, EmojiInfo? info, EmojiNameForm form)
    {
        var phrases = new List<string>();
        if (info is not null) AddWithAndWithoutFace(phrases, info.Name);
        AddWithAndWithoutFace(phrases, concept.UnicodeName);
        phrases.Add(concept.PromptWord);
        phrases.Add(concept.Name);
        if (info is not null) phrases.AddRange(info.ShortNames);

        var spelled = phrases.Select(p => Spell(p, form)).Where(k => k.Length > 0).Distinct().ToArray();
        var suffix = form == EmojiNameForm.Kebab ? "-1" : "1";
        return spelled.Concat(spelled.Select(k => k + suffix));
    }

    /// <summary>"Palm tree" → <c>palm-tree</c> (kebab) or <c>palmtree</c> (squashed); separators are any non-alphanumerics.</summary>
    public static string Spell(string phrase, EmojiNameForm form)
    {
        var sb = new StringBuilder(phrase.Length);
        bool pendingSeparator = false;
        foreach (var ch in phrase.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingSeparator && sb.Length > 0 && form == EmojiNameForm.Kebab) sb.Append('-');
                sb.Append(ch);
                pendingSeparator = false;
            }
            else pendingSeparator = true;
        }
        return sb.ToString();
    }

    static void AddWithAndWithoutFace(List<string> phrases, string name)
    {
        phrases.Add(name);
        const string face = " face";
        if (name.EndsWith(face, StringComparison.OrdinalIgnoreCase)) phrases.Add(name[..^face.Length]);
    }
}
