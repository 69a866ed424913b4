using System.Reflection;
using DisTok.Core.Concepts;

namespace DisTok.ML.Diffusion.Training;

/// <summary>Words for one concept's captions: synonyms, short visual descriptions ("looks") and distinctive parts.</summary>
public sealed record ConceptWords(string Concept, IReadOnlyList<string> Synonyms, IReadOnlyList<string> Looks, IReadOnlyList<string> Parts);

/// <summary>
/// concept-captions.tsv (embedded): for every catalog concept, synonyms, looks and parts that vary the training
/// captions, so that nearby sentence embeddings render the same concept and hybrid captions can name parts
/// ("a cat with sheep wool").
/// </summary>
public static class ConceptCaptions
{
    static readonly Lazy<IReadOnlyDictionary<string, ConceptWords>> Embedded = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DisTok.ML.concept-captions.tsv")
            ?? throw new InvalidOperationException("concept-captions.tsv is not embedded in DisTok.ML");
        using var reader = new StreamReader(stream);
        return Parse(reader, ConceptCatalog.Default);
    });

    /// <summary>The words of a catalog concept.</summary>
    public static ConceptWords For(string concept) =>
        Embedded.Value.TryGetValue(concept, out var w) ? w : throw new UnknownConceptException(concept);

    /// <summary>
    /// Parses the tab-separated file: header "concept, synonyms, looks, parts", then one row per catalog concept
    /// with ';'-separated, non-empty lists. Every catalog concept must have exactly one row.
    /// </summary>
    public static IReadOnlyDictionary<string, ConceptWords> Parse(TextReader reader, ConceptCatalog catalog)
    {
        if (reader.ReadLine() != "concept\tsynonyms\tlooks\tparts") throw new FormatException("concept captions: the header must be 'concept, synonyms, looks, parts' (tab-separated)");
        var result = new Dictionary<string, ConceptWords>(StringComparer.OrdinalIgnoreCase);
        for (int line = 2; reader.ReadLine() is { } row; line++)
        {
            if (row.Length == 0) continue;
            var f = row.Split('\t');
            if (f.Length != 4) throw new FormatException($"concept captions line {line}: expected 4 tab-separated fields, got {f.Length}");
            if (!catalog.TryIndexOf(f[0], out _)) throw new FormatException($"concept captions line {line}: '{f[0]}' is not a catalog concept");
            static string[] List(string field, int line, string name)
            {
                var items = field.Split(';', StringSplitOptions.TrimEntries);
                if (items.Any(string.IsNullOrEmpty)) throw new FormatException($"concept captions line {line}: an empty {name} entry");
                return items;
            }
            if (!result.TryAdd(f[0], new ConceptWords(f[0], List(f[1], line, "synonym"), List(f[2], line, "look"), List(f[3], line, "part"))))
                throw new FormatException($"concept captions line {line}: '{f[0]}' appears twice");
        }
        var missing = catalog.Concepts.Select(c => c.Name).Where(n => !result.ContainsKey(n)).ToArray();
        if (missing.Length > 0) throw new FormatException($"concept captions: no row for {string.Join(", ", missing)}");
        return result;
    }
}
