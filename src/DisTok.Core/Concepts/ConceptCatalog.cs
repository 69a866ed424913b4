namespace DisTok.Core.Concepts;

/// <summary>The 60 known concepts, in the fixed order every distribution vector uses.</summary>
public sealed class ConceptCatalog
{
    readonly Dictionary<string, int> _index;

    public IReadOnlyList<Concept> Concepts { get; }
    public int Count => Concepts.Count;

    public ConceptCatalog(IReadOnlyList<Concept> concepts)
    {
        if (concepts.Count == 0) throw new ArgumentException("a concept catalog needs at least one concept", nameof(concepts));
        Concepts = concepts;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < concepts.Count; i++)
            if (!_index.TryAdd(concepts[i].Name, i))
                throw new ArgumentException($"duplicate concept name '{concepts[i].Name}'", nameof(concepts));
    }

    /// <summary>The catalog shipped with the project (concepts.tsv, embedded).</summary>
    public static ConceptCatalog Default { get; } = LoadEmbedded();

    public Concept this[int index] => Concepts[index];

    /// <summary>Index of a concept by name (case-insensitive); throws <see cref="UnknownConceptException"/> otherwise.</summary>
    public int IndexOf(string name) =>
        _index.TryGetValue(name.Trim(), out var i) ? i : throw new UnknownConceptException(name);

    public bool TryIndexOf(string name, out int index) => _index.TryGetValue(name.Trim(), out index);

    public Concept Get(string name) => Concepts[IndexOf(name)];

    /// <summary>Parses the tab-separated format: header, then name, prompt_word, emoji_codepoint, unicode_name.</summary>
    public static ConceptCatalog Parse(TextReader reader)
    {
        var header = reader.ReadLine() ?? throw new FormatException("concept file is empty");
        if (!header.StartsWith("concept\t", StringComparison.Ordinal)) throw new FormatException("concept file has no header row");
        var list = new List<Concept>();
        for (int line = 2; reader.ReadLine() is { } row; line++)
        {
            if (row.Trim().Length == 0) continue;
            var f = row.Split('\t');
            if (f.Length != 4) throw new FormatException($"concept file line {line}: expected 4 tab-separated fields, got {f.Length}");
            list.Add(new Concept(f[0], f[1], f[2], f[3]));
        }
        return new ConceptCatalog(list);
    }

    static ConceptCatalog LoadEmbedded()
    {
        using var s = typeof(ConceptCatalog).Assembly.GetManifestResourceStream("DisTok.Core.concepts.tsv")
            ?? throw new InvalidOperationException("embedded concepts.tsv is missing");
        using var r = new StreamReader(s);
        return Parse(r);
    }
}
