using DisTok.ML.Data;
using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

public class DesignFoldsTests
{
    static EmojiManifestEntry Entry(string concept, string style, string design) =>
        new($"images/{concept}/{style}.png", concept, style, design, "pkg@1", "MIT", "src");

    static readonly EmojiManifestEntry[] Entries =
    [
        Entry("pig", "twemoji", "twemoji"), Entry("pig", "noto", "noto"), Entry("pig", "noto-v1", "noto"),
        Entry("cat", "noto-v1", "noto-v1"), Entry("pig", "fluent-flat", "fluent"), Entry("pig", "fluent-3d", "fluent"),
        Entry("pig", "fluent-color", "fluent"), Entry("pig", "fluent-high-contrast", "fluent"),
        Entry("pig", "streamline", "streamline"), Entry("pig", "fxemoji", "fxemoji"),
    ];

    [Theory]
    [InlineData("twemoji", 1)]
    [InlineData("noto", 3)]
    [InlineData("fluent", 4)]
    [InlineData("streamline", 1)]
    public void A_design_is_never_in_both_train_and_test(string fold, int testCount)
    {
        var (train, test) = DesignFolds.Split(Entries, fold);
        Assert.Equal(testCount, test.Length);
        Assert.Equal(Entries.Length, train.Length + test.Length);
        Assert.Empty(train.Intersect(test));
        Assert.All(test, i => Assert.Equal(fold, DesignFolds.Family(Entries[i])));
        Assert.All(train, i => Assert.NotEqual(fold, DesignFolds.Family(Entries[i])));
    }

    [Fact]
    public void Fxemoji_is_always_trained_on()
    {
        int fx = Array.FindIndex(Entries, e => e.Design == "fxemoji");
        foreach (var fold in DesignFolds.Default) Assert.Contains(fx, DesignFolds.Split(Entries, fold).Train);
        Assert.DoesNotContain("fxemoji", DesignFolds.Default);
    }

    [Fact]
    public void An_absent_design_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => DesignFolds.Split(Entries, "openmoji"));
        Assert.Contains("openmoji", e.Message);
    }
}
