using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.Data.Entities;

namespace DisTok.Data.Tests;

/// <summary>Small tokens and images for the tests.</summary>
static class Samples
{
    public static readonly ModelStamp Model = new("2026.05-1", new string('a', 64), "all-MiniLM-L6-v2", 8);

    /// <summary>A token from "pig=0.55,sheep=0.45" whose vector holds awkward floats (subnormal, negative zero, extremes).</summary>
    public static CreativeToken PigSheep() => new(
        [0.1f, -0f, float.Epsilon, float.MaxValue, float.MinValue, 1e-38f, -3.4028e-20f, MathF.PI],
        TokenSource.FromDistribution(ConceptDistribution.Parse("pig=0.55,sheep=0.45", ConceptCatalog.Default)),
        Model, new DateTimeOffset(2026, 5, 1, 12, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567), "pig-sheep");

    /// <summary>A token drawn from a Cauchy prior.</summary>
    public static CreativeToken FromPrior(int seed = 7) => new(
        Enumerable.Range(0, Model.Dimension).Select(i => (float)Math.Sin(seed + i)).ToArray(),
        TokenSource.FromPrior(PriorKind.Cauchy, seed, 0.8), Model, DateTimeOffset.UnixEpoch.AddDays(seed));

    /// <summary>Bytes that start with the PNG signature, <paramref name="size"/> long.</summary>
    public static byte[] Png(int size = 64)
    {
        var bytes = new byte[size];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        for (int i = 8; i < size; i++) bytes[i] = (byte)i;
        return bytes;
    }

    public static RoomImage Image(int seed = 1) => new()
    {
        Seed = seed,
        Steps = 20,
        Guidance = 3,
        Template = "a photo of a <*>",
        DistributionText = "pig=0.55,sheep=0.45",
        ModelVersion = "2026.05-1",
        Png = Png(100 + seed),
        CreatedBy = "ada",
    };
}
