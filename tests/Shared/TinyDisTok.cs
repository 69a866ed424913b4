using System.Text.Json.Nodes;
using DisTok.Core.Concepts;
using DisTok.ML.DisTok;

namespace DisTok.Tests.Shared;

/// <summary>A test fixture shared by the ML and web tests (linked into both): an untrained DisTok model, small and fast.</summary>
public static class TinyDisTok
{
    /// <summary>Writes an untrained DisTok (hidden 8, latent 2) whose pool holds the 60 concepts with random 384-d tokens (seeded, so always the same).</summary>
    public static void Write(string directory)
    {
        var rng = new Random(3);
        var pool = new ConceptPool(ConceptCatalog.Default.Concepts.Select(c => new PoolEntry(c.Name,
            Enumerable.Range(0, 384).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray(), new Dictionary<string, double> { [c.Name] = 1 })));
        using var network = new DisTokNetwork(new DisTokConfig(Hidden: 8, Latent: 2));
        DisTokCheckpoint.Save(directory, network, pool, new JsonObject(), "data", "test fixture", 1, new JsonObject());
    }
}
