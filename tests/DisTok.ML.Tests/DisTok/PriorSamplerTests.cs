using DisTok.Core.Tokens;
using DisTok.ML.DisTok;

namespace DisTok.ML.Tests.DisTok;

public class PriorSamplerTests
{
    [Theory]
    [InlineData(PriorKind.Gaussian)]
    [InlineData(PriorKind.Laplace)]
    [InlineData(PriorKind.Cauchy)]
    public void Same_seed_same_latent_and_temperature_scales_it(PriorKind prior)
    {
        var a = PriorSampler.Sample(prior, 42, 20, 1.0);
        Assert.Equal(a, PriorSampler.Sample(prior, 42, 20, 1.0));
        Assert.NotEqual(a, PriorSampler.Sample(prior, 43, 20, 1.0));
        var hot = PriorSampler.Sample(prior, 42, 20, 2.0);
        for (int i = 0; i < a.Length; i++) Assert.Equal(2 * a[i], hot[i], 4);
    }

    [Fact]
    public void Moments_match_the_named_priors()
    {
        var g = PriorSampler.Sample(PriorKind.Gaussian, 1, 100_000, 1.0);
        Assert.InRange(g.Average(), -0.02, 0.02);
        Assert.InRange(g.Average(x => x * x), 0.97, 1.03);                       // variance 1
        var l = PriorSampler.Sample(PriorKind.Laplace, 1, 100_000, 1.0);
        Assert.InRange(l.Average(x => Math.Abs(x)), 0.97, 1.03);                 // E|x| = b = 1
        var c = PriorSampler.Sample(PriorKind.Cauchy, 1, 100_001, 1.0).Order().ToArray();
        Assert.InRange(c[50_000], -0.03, 0.03);                                  // median 0
        Assert.InRange(c[75_000], 0.95, 1.05);                                   // upper quartile = scale = 1
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(1000.0)]
    public void Bad_temperatures_are_refused(double temperature)
    {
        var e = Assert.Throws<ArgumentException>(() => PriorSampler.Sample(PriorKind.Gaussian, 0, 20, temperature));
        Assert.Contains("temperature", e.Message);
    }
}
