using Xunit.Abstractions;

namespace DisTok.ML.Tests.Text;

[Collection(MiniLmCollection.Name)]
public class MiniLmParityTests(MiniLmFixture fixture, ITestOutputHelper output)
{
    public static readonly TheoryData<string> Sentences =
    [
        "pig",
        "a photo of a pig",
        "a pig emoji in 3d style",
        "A Photo Of A CUTE Pet!",
        "Hello, World! How are you?",
        "The quick brown fox jumps over the lazy dog.",
        "Café déjà vu: a naïve façade.",
        "3 cats, 12 dogs and 1,024 mice (approx. 99.5%)",
        "don't stop-believing; it's 2026 & #emoji @home",
        "a cartoon drawing of a frog wearing a tiny hat, flat colours, white background, high detail, trending",
        string.Join(' ', Enumerable.Repeat("a very long prompt about a sheep and a snake in many styles", 20)),
        "日本 text with ümlauts",
    ];

    [Theory]
    [MemberData(nameof(Sentences))]
    public void TorchSharp_matches_OnnxRuntime(string sentence)
    {
        var torch = fixture.Encoder.Encode(sentence);
        var onnx = fixture.Reference.Encode(sentence);
        double cos = MiniLmFixture.Cosine(torch, onnx);
        output.WriteLine($"cos = {cos:F7} (1 - cos = {1 - cos:E1})  \"{(sentence.Length > 40 ? sentence[..40] + "…" : sentence)}\"");
        Assert.Equal(384, torch.Length);
        Assert.InRange(cos, 0.9999, 1.0001);
        Assert.InRange(Math.Sqrt(torch.Sum(v => (double)v * v)), 0.999, 1.001);
    }

    [Fact]
    public void Padded_batch_matches_single_prompts()
    {
        string[] prompts = ["pig", "a photo of a cute pet", "a pig emoji in 3d style with a long tail"];
        var batch = fixture.Encoder.Encode(prompts);
        var onnxBatch = fixture.Reference.Encode(prompts);
        for (int i = 0; i < prompts.Length; i++)
        {
            Assert.InRange(MiniLmFixture.Cosine(batch[i], fixture.Encoder.Encode(prompts[i])), 0.99999, 1.00001);
            Assert.InRange(MiniLmFixture.Cosine(onnxBatch[i], fixture.Reference.Encode(prompts[i])), 0.99999, 1.00001);
        }
    }

    [Fact]
    public void Related_prompts_are_closer_than_unrelated_ones()
    {
        var pig = fixture.Encoder.Encode("a photo of a pig");
        var hog = fixture.Encoder.Encode("a picture of a hog");
        var car = fixture.Encoder.Encode("quarterly tax report spreadsheet");
        Assert.True(MiniLmFixture.Cosine(pig, hog) > MiniLmFixture.Cosine(pig, car) + 0.2);
    }

    [Fact]
    public async Task Concurrent_encodes_agree()
    {
        var expected = fixture.Encoder.Encode("a photo of a sheep");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => fixture.Encoder.Encode("a photo of a sheep"))));
        foreach (var r in results) Assert.Equal(expected, r);
    }
}
