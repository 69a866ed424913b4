using DisTok.Core.Tokens;
using DisTok.Web.Generation;

namespace DisTok.Web.Components.Explore;

/// <summary>One cell of the Explore grid: a prior token, its render and the labeler's reading of it.</summary>
/// <param name="Token">The unconditional token (its source holds prior, seed and temperature).</param>
public sealed class ExploreSample(CreativeToken token)
{
    /// <summary>The token.</summary>
    public CreativeToken Token { get; } = token;

    /// <summary>The prior draw's seed.</summary>
    public int Seed => Token.Source.Seed ?? 0;

    /// <summary>Its render, once queued.</summary>
    public GenerationJob? Job { get; set; }

    /// <summary>The labeler's top concepts for the finished image, or null before it is read.</summary>
    public IReadOnlyList<(string Concept, double P)>? Reading { get; set; }

    /// <summary>The id of the library entry once kept, or null.</summary>
    public Guid? KeptId { get; set; }
}
