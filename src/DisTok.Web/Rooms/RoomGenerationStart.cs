using DisTok.Web.Generation;

namespace DisTok.Web.Rooms;

/// <summary>A room generation that was queued.</summary>
/// <param name="Job">The queued job (also pushed to every member).</param>
/// <param name="Blend">What it renders: the room's parts and their shares.</param>
public sealed record RoomGenerationStart(GenerationJob Job, RoomBlend Blend)
{
    /// <summary>What normalising did, in words.</summary>
    public string Normalisation => Blend.Normalisation;
}
