using System.Text.Json;
using DisTok.ML.Data;
using SkiaSharp;

namespace DisTok.ML.Tests.Data;

public sealed class EmojiDatasetBuilderTests : IDisposable
{
    static readonly string[] Styles = ["noto", "fluent-flat", "fluent-color", "fluent-high-contrast", "noto-v1"];
    readonly EmojiFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Build_from_fixture_cache_writes_every_found_image_manifest_and_notice()
    {
        var summary = await EmojiDatasetBuilder.BuildAsync(_fixture.Options());

        var expected = (from c in new[] { "lion", "pig", "spider" } from s in Styles select $"images/{c}/{s}.png")
            .Order(StringComparer.Ordinal).ToArray();
        var manifest = JsonSerializer.Deserialize<EmojiManifest>(File.ReadAllBytes(Path.Combine(_fixture.Output, "manifest.json")))!;
        Assert.Equal(expected, manifest.Images.Select(e => e.File));
        Assert.Equal(64, manifest.Size);
        Assert.Equal(summary.DataHash, manifest.DataHash);
        Assert.All(expected, f => Assert.True(File.Exists(Path.Combine(_fixture.Output, f)), f));

        var lionNotoV1 = manifest.Images.Single(e => e.File == "images/lion/noto-v1.png");
        Assert.Equal(new EmojiManifestEntry("images/lion/noto-v1.png", "lion", "noto-v1", "noto", "@iconify-json/noto-v1@1.2.5", "Apache-2.0", "lion-face"), lionNotoV1);
        Assert.Equal("img/google/64/1f577-fe0f.png", manifest.Images.Single(e => e.File == "images/spider/noto.png").Source);
        Assert.Equal("icons/modern/pig.svg", manifest.Images.Single(e => e.File == "images/pig/fluent-color.png").Source);

        Assert.Equal(Styles, summary.Styles.Select(s => s.Style));
        Assert.All(summary.Styles, s => Assert.Equal(3, s.Images));
        Assert.All(summary.Styles, s => Assert.Equal(["guitar"], s.MissingConcepts));
        Assert.Equal(15, summary.TotalImages);

        var notice = File.ReadAllText(Path.Combine(_fixture.Output, "NOTICE.md"));
        Assert.Contains("## emoji-datasource-google@16.0.0", notice);
        Assert.Contains("Copyright (c) 2022 Mohammad Abu Mattar", notice);
        Assert.Contains("Google Inc", notice);
    }

    [Fact]
    public async Task Images_are_64x64_on_a_white_background()
    {
        await EmojiDatasetBuilder.BuildAsync(_fixture.Options());

        foreach (var file in Directory.GetFiles(Path.Combine(_fixture.Output, "images"), "*.png", SearchOption.AllDirectories))
        {
            using var bitmap = SKBitmap.Decode(file);
            Assert.Equal((64, 64), (bitmap.Width, bitmap.Height));
            Assert.Equal(SKColors.White, bitmap.GetPixel(0, 0));
            Assert.Equal(SKColors.White, bitmap.GetPixel(63, 63));
            Assert.Contains(Enumerable.Range(0, 64).Select(x => bitmap.GetPixel(x, 32)), c => c != SKColors.White);
        }
    }

    [Fact]
    public async Task Rebuilding_gives_byte_identical_files_and_the_same_data_hash()
    {
        var first = await EmojiDatasetBuilder.BuildAsync(_fixture.Options());
        var snapshot = ReadTree(_fixture.Output);
        var again = await EmojiDatasetBuilder.BuildAsync(_fixture.Options());
        var elsewhere = await EmojiDatasetBuilder.BuildAsync(_fixture.Options(Path.Combine(_fixture.Root, "out2")));

        Assert.Equal(first.DataHash, again.DataHash);
        Assert.Equal(first.DataHash, elsewhere.DataHash);
        Assert.Equal(snapshot, ReadTree(_fixture.Output));
        Assert.Equal(snapshot, ReadTree(Path.Combine(_fixture.Root, "out2")));
    }

    [Fact]
    public async Task A_tampered_tarball_is_refused_and_nothing_is_written()
    {
        var path = Path.Combine(_fixture.Cache, "fluentui-emoji-1.3.0.tgz");
        var bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmojiDatasetBuilder.BuildAsync(_fixture.Options()));

        Assert.Contains("fluentui-emoji@1.3.0", error.Message);
        Assert.Contains("sha256", error.Message);
        Assert.Contains(EmojiFixture.Sha256ByPackage["fluentui-emoji"], error.Message);
        Assert.False(Directory.Exists(_fixture.Output));
    }

    [Fact]
    public async Task A_missing_tarball_without_npm_gives_a_clear_error()
    {
        File.Delete(Path.Combine(_fixture.Cache, "iconify-json-noto-v1-1.2.5.tgz"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmojiDatasetBuilder.BuildAsync(_fixture.Options()));

        Assert.Contains("was not found", error.Message);
        Assert.Contains("iconify-json-noto-v1-1.2.5.tgz", error.Message);
        Assert.False(Directory.Exists(_fixture.Output));
    }

    [Fact]
    public async Task EmojiDataset_Load_reads_the_built_data_set()
    {
        var summary = await EmojiDatasetBuilder.BuildAsync(_fixture.Options());

        var dataset = EmojiDataset.Load(_fixture.Output);

        Assert.Equal(summary.TotalImages, dataset.Images.Count);
        Assert.Equal(summary.DataHash, dataset.Manifest.DataHash);
        Assert.All(dataset.Images, i => Assert.Equal(64 * 64 * 3, i.Rgb.Length));
        Assert.All(dataset.Images, i => Assert.Equal((255, 255, 255), (i.Rgb[0], i.Rgb[1], i.Rgb[2])));
    }

    [Fact]
    public async Task Images_not_in_the_new_build_are_removed()
    {
        var stale = Path.Combine(_fixture.Output, "images", "pig", "old-style.png");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllBytes(stale, [1, 2, 3]);

        await EmojiDatasetBuilder.BuildAsync(_fixture.Options());

        Assert.False(File.Exists(stale));
    }

    static SortedDictionary<string, string> ReadTree(string root) => new(
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
