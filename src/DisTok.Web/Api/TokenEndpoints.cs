using System.Text;
using DisTok.Core.Concepts;
using DisTok.Core.Tokens;
using DisTok.ML.DisTok;
using DisTok.Web.Generation;
using DisTok.Web.Models;
using DisTok.Web.Security;

namespace DisTok.Web.Api;

/// <summary><c>/api/concepts</c> and <c>/api/tokens</c>: what can be blended, and creative tokens as files.</summary>
public static class TokenEndpoints
{
    /// <summary>The answer header that says how the submitted weights were normalised, when they were.</summary>
    public const string NormalisedHeader = "DisTok-Normalised";

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/concepts", Concepts).WithTags("Tokens").WithSummary("The 60 concepts and whether the DisTok model knows each");
        api.MapPost("/tokens", Make).RequireRateLimiting(RateLimits.Generate).WithTags("Tokens").WithSummary("Make a creative token (distok-token/1 JSON)")
            .WithDescription("From a distribution (normalised when its weights do not sum to 1; the DisTok-Normalised header says so) " +
                             "or from a prior (gaussian, laplace, cauchy) with a seed and temperature. Save the answer as a .json token file.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
    }

    static IReadOnlyList<ConceptView> Concepts(ServedDisTok distok)
    {
        var model = distok.Model;
        return ConceptCatalog.Default.Concepts.Select(c => new ConceptView(c.Name, model?.Pool.IsKnown(c.Name) ?? false)).ToList();
    }

    static IResult Make(TokenRequest body, HttpContext http, ServedDisTok distok)
    {
        if (body is null) throw new ArgumentException("send a JSON body with \"distribution\" or \"prior\"");
        if ((body.Distribution is null) == (body.Prior is null)) throw new ArgumentException("give either \"distribution\" or \"prior\", not both or neither");
        if (body.Name is { Length: > 100 }) throw new ArgumentException($"name is {body.Name.Length} characters long; at most 100");
        var model = distok.Model ?? throw new ModelMissingException(distok.Problem!);
        CreativeToken token;
        if (body.Distribution is { } text)
        {
            var distribution = DistributionText.Parse(text, model);
            if (distribution.WasNormalized)
                http.Response.Headers[NormalisedHeader] = $"weights summed to {distribution.InputSum:0.####}; normalised to {distribution}";
            token = model.TokenFor(distribution, body.Name);
        }
        else token = model.TokenFromPrior(Priors.Parse(body.Prior!), body.Seed, body.Temperature, body.Name);
        return TypedResults.Text(TokenFile.ToJson(token), "application/json", Encoding.UTF8);
    }
}
