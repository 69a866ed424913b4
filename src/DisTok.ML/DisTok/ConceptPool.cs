using System.Text.Json;
using DisTok.Core.IO;

namespace DisTok.ML.DisTok;

/// <summary>
/// The concept pool (method.md §2–3): the known concepts with their tokens, plus concepts discovered during
/// training by class-distribution estimation, admitted when the labeler's top probability is below τ.
/// Sampling is uniform over entries. Persisted with the model as JSON.
/// </summary>
public sealed class ConceptPool
{
    /// <summary>Discovered distributions keep only weights at or above this, renormalised.</summary>
    public const double MinStoredWeight = 0.005;

    readonly List<PoolEntry> entries;
    readonly Dictionary<string, PoolEntry> known;

    public ConceptPool(IEnumerable<PoolEntry> entries)
    {
        var all = entries.ToList();
        this.entries = all.Where(e => !e.Discovered).Concat(all.Where(e => e.Discovered)).ToList(); // known first
        known = this.entries.Where(e => !e.Discovered).ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        if (known.Count == 0) throw new ArgumentException("a concept pool needs known concepts");
        int dim = this.entries[0].Token.Length;
        if (this.entries.Any(e => e.Token.Length != dim)) throw new ArgumentException("pool tokens differ in length");
        Dimension = dim;
    }

    public int Dimension { get; }
    public int Count => entries.Count;
    public IReadOnlyList<PoolEntry> Entries => entries;
    public IEnumerable<PoolEntry> Known => entries.Where(e => !e.Discovered);
    public IReadOnlyList<PoolEntry> Discovered => entries.Where(e => e.Discovered).ToList();
    public int DiscoveredCount => entries.Count - known.Count;

    /// <summary>The token of a known concept (case-insensitive name).</summary>
    public float[] TokenOf(string concept) =>
        known.TryGetValue(concept, out var e) ? e.Token : throw new ArgumentException($"unknown concept '{concept}'");

    public bool IsKnown(string concept) => known.ContainsKey(concept);

    /// <summary>The admission rule: a decoded concept joins the pool only if it is not simply one known concept.</summary>
    public static bool Admits(IReadOnlyList<float> probabilities, double tau) => probabilities.Max() < tau;

    /// <summary>Σ p(i)·t_i over known concepts: the encoder's input for a distribution.</summary>
    public float[] MixedToken(IReadOnlyDictionary<string, double> distribution)
    {
        var mixed = new float[Dimension];
        foreach (var (concept, weight) in distribution)
        {
            var t = TokenOf(concept);
            for (int j = 0; j < mixed.Length; j++) mixed[j] += (float)(weight * t[j]);
        }
        return mixed;
    }

    /// <summary>
    /// Adds (token, p) as a discovered concept when <see cref="Admits"/> says so; returns the new entry or null.
    /// probabilities: one per name in <paramref name="concepts"/>.
    /// </summary>
    public PoolEntry? TryAdmit(float[] token, IReadOnlyList<float> probabilities, IReadOnlyList<string> concepts, double tau, int step, string how)
    {
        if (token.Length != Dimension) throw new ArgumentException($"token has {token.Length} values, the pool's have {Dimension}");
        if (probabilities.Count != concepts.Count) throw new ArgumentException("one probability per concept expected");
        if (!Admits(probabilities, tau)) return null;
        var kept = Enumerable.Range(0, concepts.Count).Where(i => probabilities[i] >= MinStoredWeight && IsKnown(concepts[i])).ToArray();
        double sum = kept.Sum(i => (double)probabilities[i]);
        if (sum <= 0) return null;
        var distribution = kept.ToDictionary(i => concepts[i], i => probabilities[i] / sum);
        var entry = new PoolEntry($"d{DiscoveredCount + 1}", (float[])token.Clone(), distribution, true, step, how);
        entries.Add(entry);
        return entry;
    }

    /// <summary>Two distinct entries, uniformly (concept fusion).</summary>
    public (PoolEntry First, PoolEntry Second) SamplePair(Random rng)
    {
        int a = rng.Next(entries.Count), b = rng.Next(entries.Count - 1);
        if (b >= a) b++;
        return (entries[a], entries[b]);
    }

    /// <summary>A known concept, uniformly (one-hot anchors).</summary>
    public PoolEntry SampleKnown(Random rng) => entries[rng.Next(known.Count)];

    /// <summary>A discovered entry, uniformly (distribution consistency). Throws when there is none.</summary>
    public PoolEntry SampleDiscovered(Random rng)
    {
        int n = DiscoveredCount;
        if (n == 0) throw new InvalidOperationException("the pool has no discovered concepts yet");
        return entries[known.Count + rng.Next(n)];
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(entries, PoolJson.Options));

    public static ConceptPool Load(string path)
    {
        try
        {
            var list = JsonSerializer.Deserialize<List<PoolEntry>>(File.ReadAllText(path), PoolJson.Options)
                ?? throw new InvalidDataException("empty");
            return new ConceptPool(list);
        }
        catch (JsonException e) { throw new InvalidDataException($"'{path}' is not a valid concept pool: {e.Message}"); }
    }
}
