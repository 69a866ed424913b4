using DisTok.Core.Concepts;
using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

public class SoftLabelerTests(FeaturizerFixture fixture) : IClassFixture<FeaturizerFixture>
{
    SoftLabeler NewLabeler() => new(TestHeads.Random(), 1.7, flipTestTime: true, fixture.Featurizer);

    [Fact]
    public void Classify_returns_a_distribution_over_the_60_concepts()
    {
        var labeler = NewLabeler();
        var p = labeler.Classify(SyntheticImages.Png(transparent: true));
        Assert.Equal(ConceptCatalog.Default.Count, p.Length);
        Assert.Equal(60, labeler.Concepts.Count);
        Assert.All(p, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(1.0, p.Sum(), 4);
    }

    [Fact]
    public void Garbage_and_empty_bytes_are_rejected()
    {
        var labeler = NewLabeler();
        Assert.Throws<InvalidDataException>(() => labeler.Classify("this is not an image"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => labeler.Classify([]));
    }

    [Fact]
    public void Saved_model_loads_and_classifies_the_same()
    {
        var dir = Directory.CreateTempSubdirectory("labeler-test").FullName;
        try
        {
            var head = TestHeads.Random();
            var manifest = new LabelerTrainResult(head, TestHeads.Evaluation(), new LabelerTrainOptions(), "abc", 12).Save(dir);
            Assert.Equal(1.7, manifest.Temperature);
            using var loaded = SoftLabeler.Load(dir, intraOpThreads: 1);
            var png = SyntheticImages.Png();
            Assert.Equal(NewLabeler().Classify(png), loaded.Classify(png));
            Assert.Equal("abc", loaded.Manifest!.DataHash);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Missing_or_corrupt_model_files_give_clear_errors()
    {
        var dir = Directory.CreateTempSubdirectory("labeler-test").FullName;
        try
        {
            Assert.Throws<DirectoryNotFoundException>(() => SoftLabeler.Load(Path.Combine(dir, "absent")));
            Assert.Throws<FileNotFoundException>(() => SoftLabeler.Load(dir));
            new LabelerTrainResult(TestHeads.Random(), TestHeads.Evaluation(), new LabelerTrainOptions(), "abc", 12).Save(dir);
            var weights = Path.Combine(dir, LabelerManifest.WeightsFileName);
            var bytes = File.ReadAllBytes(weights);
            bytes[100] ^= 0xFF;
            File.WriteAllBytes(weights, bytes);
            Assert.Contains("sha256", Assert.Throws<InvalidDataException>(() => SoftLabeler.Load(dir)).Message);
            File.Delete(weights);
            Assert.Throws<FileNotFoundException>(() => SoftLabeler.Load(dir));
            File.WriteAllText(Path.Combine(dir, LabelerManifest.FileName), "{ not json");
            Assert.Throws<InvalidDataException>(() => SoftLabeler.Load(dir));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Concurrent_calls_agree()
    {
        var labeler = NewLabeler();
        var png = SyntheticImages.Png();
        var expected = labeler.Classify(png);
        var results = new float[4][];
        Parallel.For(0, 4, i => results[i] = labeler.Classify(png));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
