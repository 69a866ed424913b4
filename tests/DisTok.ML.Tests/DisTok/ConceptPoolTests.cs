using DisTok.ML.DisTok;

namespace DisTok.ML.Tests.DisTok;

public class ConceptPoolTests
{
    static readonly string[] Names = ["pig", "sheep", "snake"];

    static ConceptPool Pool() => new(Names.Select((n, i) =>
        new PoolEntry(n, Enumerable.Range(0, 3).Select(j => j == i ? 1f : 0f).ToArray(), new Dictionary<string, double> { [n] = 1 })));

    [Theory]
    [InlineData(0.84f, true)]
    [InlineData(0.85f, false)]   // exactly τ is "one known concept": not admitted
    [InlineData(0.99f, false)]
    public void Admission_rule_is_max_below_tau(float top, bool admitted)
    {
        float rest = (1 - top) / 2;
        Assert.Equal(admitted, ConceptPool.Admits([top, rest, rest], 0.85));
    }

    [Fact]
    public void Admitted_concepts_keep_a_pruned_renormalised_distribution_and_numbered_ids()
    {
        var pool = Pool();
        var first = pool.TryAdmit([0.5f, 0.5f, 0], [0.6f, 0.398f, 0.002f], Names, 0.85, 7, "test");
        Assert.NotNull(first);
        Assert.Equal("d1", first.Id);
        Assert.Equal(7, first.FoundAtStep);
        Assert.Equal(2, first.Distribution.Count);                     // 0.002 < 0.005 is dropped
        Assert.Equal(0.6 / 0.998, first.Distribution["pig"], 6);
        Assert.Null(pool.TryAdmit([1, 0, 0], [0.9f, 0.05f, 0.05f], Names, 0.85, 8, "test"));
        Assert.Equal("d2", pool.TryAdmit([0, 0, 1], [0.3f, 0.3f, 0.4f], Names, 0.85, 9, "test")!.Id);
        Assert.Equal(5, pool.Count);
        Assert.Equal(2, pool.DiscoveredCount);
    }

    [Fact]
    public void Mixed_token_is_the_weighted_sum_of_known_tokens()
    {
        var mixed = Pool().MixedToken(new Dictionary<string, double> { ["pig"] = 0.55, ["sheep"] = 0.25, ["snake"] = 0.2 });
        Assert.Equal([0.55f, 0.25f, 0.2f], mixed);
    }

    [Fact]
    public void Pairs_are_distinct_and_discovered_sampling_needs_discoveries()
    {
        var pool = Pool();
        var rng = new Random(1);
        for (int i = 0; i < 200; i++)
        {
            var (a, b) = pool.SamplePair(rng);
            Assert.NotEqual(a.Id, b.Id);
        }
        Assert.Throws<InvalidOperationException>(() => pool.SampleDiscovered(rng));
        pool.TryAdmit([1, 1, 1], [0.4f, 0.3f, 0.3f], Names, 0.85, 1, "test");
        Assert.Equal("d1", pool.SampleDiscovered(rng).Id);
    }

    [Fact]
    public void Save_and_load_round_trip()
    {
        var pool = Pool();
        pool.TryAdmit([0.1f, 0.2f, 0.3f], [0.4f, 0.3f, 0.3f], Names, 0.85, 3, "gaussian z");
        var path = Path.Combine(Directory.CreateTempSubdirectory("pool-").FullName, "pool.json");
        pool.Save(path);
        var back = ConceptPool.Load(path);
        Assert.Equal(4, back.Count);
        Assert.Equal([0.1f, 0.2f, 0.3f], back.Discovered[0].Token);
        Assert.Equal("gaussian z", back.Discovered[0].How);
        Assert.Equal(0.4, back.Discovered[0].Distribution["pig"], 6);
    }

    [Fact]
    public void Unknown_concepts_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Pool().MixedToken(new Dictionary<string, double> { ["yeti"] = 1 }));
        Assert.Contains("'yeti'", e.Message);
    }
}
