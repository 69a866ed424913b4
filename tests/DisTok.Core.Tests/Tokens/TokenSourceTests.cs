using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;

namespace DisTok.Core.Tests.Tokens;

public class TokenSourceTests
{
    static ConceptDistribution D(string text) => ConceptDistribution.Parse(text, ConceptCatalog.Default);

    [Fact]
    public void Describe_says_how_to_re_create_the_token()
    {
        Assert.Equal("pig=0.55,sheep=0.45", TokenSource.FromDistribution(D("pig=0.55,sheep=0.45")).Describe());
        Assert.Equal("optimised from pig=0.5,sheep=0.5", TokenSource.Optimised(D("pig=1,sheep=1")).Describe());
        Assert.Equal("gaussian prior, seed 7, T 1", TokenSource.FromPrior(PriorKind.Gaussian, 7, 1.0).Describe());
        Assert.Equal("cauchy prior, seed 3, T 0.7", TokenSource.FromPrior(PriorKind.Cauchy, 3, 0.7).Describe());
        Assert.Equal("interpolation", new TokenSource("interpolation").Describe());
    }

    [Fact]
    public void Factories_fill_the_fields_of_their_kind()
    {
        var d = TokenSource.FromDistribution(D("pig=3,sheep=1"));
        Assert.Equal("distribution", d.Kind);
        Assert.Equal(0.75, d.Distribution!["pig"]);
        Assert.Null(d.Prior);
        var p = TokenSource.FromPrior(PriorKind.Laplace, 42, 0.5);
        Assert.Equal(("prior", PriorKind.Laplace, 42, 0.5), (p.Kind, p.Prior, p.Seed, p.Temperature));
        Assert.Null(p.Distribution);
        Assert.Equal("optimised", TokenSource.Optimised(D("pig=1")).Kind);
    }

    [Fact]
    public void Sources_with_equal_weights_are_equal()
    {
        var a = TokenSource.FromDistribution(D("pig=0.55,sheep=0.45"));
        var b = new TokenSource("distribution", new Dictionary<string, double> { ["sheep"] = D("pig=0.55,sheep=0.45")["sheep"], ["pig"] = D("pig=0.55,sheep=0.45")["pig"] });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, TokenSource.FromDistribution(D("pig=0.5,sheep=0.5")));
        Assert.NotEqual(a, TokenSource.Optimised(D("pig=0.55,sheep=0.45")));
    }
}
