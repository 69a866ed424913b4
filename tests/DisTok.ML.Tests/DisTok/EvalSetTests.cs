using DisTok.Core.Concepts;
using DisTok.ML.DisTok.Evaluation;

namespace DisTok.ML.Tests.DisTok;

public class EvalSetTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("evalset-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    string Write(string json)
    {
        var path = Path.Combine(dir, "set.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_dev_set_has_30_pairs_and_30_distributions()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DisTok.Web.sln"))) root = Path.GetDirectoryName(root)!;
        var set = EvalSet.Load(Path.Combine(root, "eval", "dev-set.json"), ConceptCatalog.Default);
        Assert.Equal("dev", set.Name);
        Assert.Equal(60, set.Items.Count);
        Assert.Equal(30, set.Pairs.Count());
        Assert.All(set.Pairs, p => Assert.All(p.Distribution.Entries, e => Assert.Equal(0.5, e.Weight, 9)));
    }

    [Theory]
    [InlineData("""{"name": "x", "pairs": [["pig", "yeti"]]}""", "unknown concept 'yeti'")]
    [InlineData("""{"name": "x", "pairs": [["pig"]]}""", "expected 2")]
    [InlineData("""{"name": "x", "distributions": [{"pig": -1, "cat": 2}]}""", "negative")]
    [InlineData("""{"name": "x"}""", "no pairs and no distributions")]
    [InlineData("""{"name": "x", "pairs": """, "not valid JSON")]
    [InlineData("""{"name": "x", "pairs": {"a": 1}}""", "schema")]
    public void Bad_sets_name_the_problem(string json, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => EvalSet.Load(Write(json), ConceptCatalog.Default));
        Assert.Contains(message, e.Message);
    }
}
