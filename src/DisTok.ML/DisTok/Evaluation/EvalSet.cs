using System.Text.Json;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>One item of an evaluation set: a concept pair (½, ½) or a weighted distribution.</summary>
public sealed record EvalItem(string Id, ConceptDistribution Distribution, bool IsPair);

/// <summary>
/// An evaluation set in the schema of eval/dev-set.json: {"name", "pairs": [[c1, c2], …], "distributions": [{c: w, …}, …]}.
/// </summary>
public sealed record EvalSet(string Name, IReadOnlyList<EvalItem> Items)
{
    public IEnumerable<EvalItem> Pairs => Items.Where(i => i.IsPair);

    /// <summary>Reads and validates a set file; every concept must be known to <paramref name="catalog"/>.</summary>
    public static EvalSet Load(string path, ConceptCatalog catalog)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no evaluation set at '{path}'", path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return Parse(doc.RootElement, catalog, Path.GetFileNameWithoutExtension(path));
        }
        catch (JsonException e) { throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}"); }
        catch (InvalidDataException e) { throw new InvalidDataException($"'{path}': {e.Message}"); }
        catch (ArgumentException e) { throw new InvalidDataException($"'{path}': {e.Message}"); }
        catch (InvalidOperationException e) { throw new InvalidDataException($"'{path}' does not follow the set schema ({e.Message})"); }
    }

    static EvalSet Parse(JsonElement root, ConceptCatalog catalog, string fallbackName)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("an evaluation set is a JSON object");
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : fallbackName;
        var items = new List<EvalItem>();
        if (root.TryGetProperty("pairs", out var pairs))
            foreach (var pair in pairs.EnumerateArray())
            {
                var names = pair.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
                if (names.Length != 2) throw new InvalidDataException($"pair {items.Count + 1} has {names.Length} concepts, expected 2");
                var d = ConceptDistribution.Create(names.Select(c => KeyValuePair.Create(c, 0.5)), catalog);
                items.Add(new EvalItem($"pair {string.Join("+", d.Concepts)}", d, true));
            }
        int k = 0;
        if (root.TryGetProperty("distributions", out var distributions))
            foreach (var dist in distributions.EnumerateArray())
            {
                var d = ConceptDistribution.Create(dist.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetDouble())), catalog);
                items.Add(new EvalItem($"dist {++k}", d, false));
            }
        if (items.Count == 0) throw new InvalidDataException("the set has no pairs and no distributions");
        return new EvalSet(name, items);
    }
}
