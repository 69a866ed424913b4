using DisTok.Core.Distributions;
using DisTok.Web.Generation;

namespace DisTok.Web.Rooms;

/// <summary>A room generation that was queued.</summary>
/// <param name="Job">The queued job (also pushed to every member).</param>
/// <param name="Distribution">The normalised distribution it renders.</param>
/// <param name="Normalisation">What normalising did, in words.</param>
public sealed record RoomGenerationStart(GenerationJob Job, ConceptDistribution Distribution, string Normalisation);
