using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.Web.Models;
using DisTok.Web.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Rooms;

/// <summary>Blending concepts with saved tokens, against the test app's tiny DisTok and its SQLite library.</summary>
public class RoomBlendTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    DisTokModel Model => app.Services.GetRequiredService<OptionalModel<DisTokModel>>().Model!;

    TokenLibrary Library => app.Services.GetRequiredService<TokenLibrary>();

    static ConceptDistribution D(string text) => ConceptDistribution.Parse(text, ConceptCatalog.Default);

    Task<RoomBlend> Blend(params (string Key, double Weight)[] weights) => RoomBlend.ResolveAsync(weights, Model, Library);

    async Task<string> SaveAsync(CreativeToken token) => ConceptKey.ForToken((await Library.SaveAsync(token, "t", null, null, null, null)).Id);

    static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5, $"z[{i}]: {expected[i]} vs {actual[i]}");
    }

    [Fact]
    public async Task Concepts_alone_are_plain_DisTok()
    {
        var blend = await Blend(("pig", 30), ("sheep", 10));
        Assert.Equal("pig=0.75,sheep=0.25", blend.Text);
        Assert.Equal("distribution", blend.Source.Kind);
        AssertClose(Model.Latent(D("pig=0.75,sheep=0.25")), blend.Latent);
        Assert.Equal("weights sum to 40, normalised to pig=0.75,sheep=0.25", blend.Normalisation);
    }

    [Fact]
    public async Task A_saved_distribution_token_merges_into_the_concepts_with_its_weight()
    {
        var key = await SaveAsync(Model.TokenFor(D("pig=0.5,sheep=0.5")));
        var blend = await Blend(("pig", 50), (key, 50));
        // 50·pig + 50·(½ pig + ½ sheep) = 75 pig + 25 sheep → E_dis(pig=0.75, sheep=0.25).
        AssertClose(Model.Latent(D("pig=0.75,sheep=0.25")), blend.Latent);
        Assert.Equal($"pig=0.5,{key}=0.5", blend.Text);
        Assert.Equal("interpolation", blend.Source.Kind);
        Assert.Equal("pig=0.5,\"t\"=0.5", blend.Label);
    }

    [Fact]
    public async Task A_saved_prior_token_keeps_its_latent_in_the_weighted_mean()
    {
        var prior = Model.TokenFromPrior(PriorKind.Cauchy, 3, 0.5);
        var key = await SaveAsync(prior);
        var blend = await Blend((key, 30), ("fox", 10));
        var zPrior = Model.LatentOf(prior.Source);
        var zFox = Model.Latent(D("fox=1"));
        AssertClose(zPrior.Zip(zFox, (a, b) => 0.75f * a + 0.25f * b).ToArray(), blend.Latent);
        Assert.Equal("weights sum to 40, normalised to \"t\"=0.75,fox=0.25", blend.Normalisation);

        // A kept blend (an interpolation) blends again through its parts.
        var kept = new CreativeToken(Model.Decode(blend.Latent), blend.Source, Model.Stamp, DateTimeOffset.UtcNow);
        var again = await Blend((await SaveAsync(kept), 1));
        AssertClose(blend.Latent, again.Latent);
    }

    [Fact]
    public async Task A_token_another_version_made_is_re_decoded_from_its_source_and_says_so()
    {
        var other = Model.Stamp with { Sha256 = new string('b', 64), Version = "other" };
        var fromDistribution = Model.TokenFor(D("pig=0.5,owl=0.5")) with { Model = other, Vector = new float[Model.Config.TokenDim] };
        var blend = await Blend((await SaveAsync(fromDistribution), 1));
        AssertClose(Model.Latent(D("pig=0.5,owl=0.5")), blend.Latent);          // from the source, not the (zeroed) stored vector
        Assert.EndsWith("(re-decoded)", blend.Parts.Single().Label);

        var fromPrior = Model.TokenFromPrior(PriorKind.Gaussian, 5) with { Model = other };
        var prior = await Blend((await SaveAsync(fromPrior), 1));
        AssertClose(Model.LatentOf(fromPrior.Source), prior.Latent);

        var optimisedElsewhere = Model.TokenFor(D("pig=1")) with { Model = other, Source = TokenSource.Optimised(D("pig=1")) };
        var e = await Assert.ThrowsAsync<InvalidDistributionException>(async () => await Blend((await SaveAsync(optimisedElsewhere), 1)));
        Assert.Contains("no DisTok latent", e.Message);
    }

    [Fact]
    public async Task Deleted_and_optimised_tokens_are_refused_by_name()
    {
        var gone = Guid.NewGuid();
        var e1 = await Assert.ThrowsAsync<InvalidDistributionException>(() => Blend(("pig", 1), (ConceptKey.ForToken(gone), 1)));
        Assert.Contains("no longer in the library", e1.Message);

        var optimised = Model.TokenFor(D("pig=1")) with { Source = TokenSource.Optimised(D("pig=1")) };
        var e3 = await Assert.ThrowsAsync<InvalidDistributionException>(async () => await Blend((await SaveAsync(optimised), 1)));
        Assert.Contains("no DisTok latent", e3.Message);

        var e4 = await Assert.ThrowsAsync<InvalidDistributionException>(async () => await Blend((await SaveAsync(Model.TokenFor(D("pig=1"))), 0), ("pig", 0)));
        Assert.Contains("all weights are zero", e4.Message);
    }

    [Fact]
    public void Blend_text_reads_back_and_bad_text_is_refused()
    {
        var id = Guid.NewGuid();
        Assert.Equal([("pig", 0.5), ($"token:{id}", 0.5)], RoomBlend.ParseText($"pig=0.5,token:{id.ToString().ToUpperInvariant()}=0.5"));
        Assert.Throws<StudioValidationException>(() => RoomBlend.ParseText("pig"));
        Assert.Throws<StudioValidationException>(() => RoomBlend.ParseText("grizzlecorn=1"));
        Assert.Throws<StudioValidationException>(() => RoomBlend.ParseText("pig=-1"));
    }
}
