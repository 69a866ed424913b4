using DisTok.Core.Tokens;

namespace DisTok.Core.Tests.Tokens;

public class PriorsTests
{
    [Theory]
    [InlineData("gaussian", PriorKind.Gaussian)]
    [InlineData(" Laplace ", PriorKind.Laplace)]
    [InlineData("CAUCHY", PriorKind.Cauchy)]
    public void Names_parse_ignoring_case(string name, PriorKind kind)
    {
        Assert.Equal(kind, Priors.Parse(name));
        Assert.Equal(kind, Priors.Parse(Priors.Name(kind)));
    }

    [Fact]
    public void Unknown_names_list_the_allowed_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Priors.Parse("normal"));
        Assert.Contains("unknown prior 'normal'", e.Message);
        Assert.Contains("gaussian, laplace, cauchy", e.Message);
    }
}
