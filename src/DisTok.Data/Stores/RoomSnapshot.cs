using System.Text.Json;

namespace DisTok.Data.Stores;

/// <summary>A room as it was when a share link was made; stored as the link's JSON.</summary>
/// <param name="RoomId">The room it was taken from.</param>
/// <param name="RoomName">The room's name then.</param>
/// <param name="Revision">The room's revision then.</param>
/// <param name="Template">The prompt template.</param>
/// <param name="Weights">The concepts and their un-normalised weights, in the room's order.</param>
/// <param name="ImageIds">The room's newest images then (at most 24), newest first; images the history later drops are gone.</param>
/// <param name="TakenUtc">When the snapshot was taken.</param>
public sealed record RoomSnapshot(string RoomId, string RoomName, long Revision, string Template,
    IReadOnlyList<RoomSnapshotWeight> Weights, IReadOnlyList<long> ImageIds, DateTimeOffset TakenUtc)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The snapshot as JSON (camelCase).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A snapshot from the JSON <see cref="ToJson"/> wrote.</summary>
    /// <exception cref="JsonException">The text is not a snapshot.</exception>
    public static RoomSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<RoomSnapshot>(json, Json) ?? throw new JsonException("a room snapshot is null");
}
