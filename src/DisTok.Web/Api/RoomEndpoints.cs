using DisTok.Data.Stores;
using DisTok.Web.Hubs;
using DisTok.Web.Security;

namespace DisTok.Web.Api;

/// <summary><c>/api/rooms</c>: make a room for people (its Studio page) or scripts (the room hub), and read its state.</summary>
public static class RoomEndpoints
{
    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/rooms").WithTags("Rooms");
        g.MapPost("/", Create).RequireRateLimiting(RateLimits.Store).WithSummary("Create a room; the answer's url is its Studio page")
            .WithDescription("Join it from a script through the SignalR hub /hubs/rooms (Join, SetWeight, Remove, Generate).");
        g.MapGet("/{id}", Get).WithSummary("A room's distribution (un-normalised weights), template and revision");
        g.MapGet("/{id}/images", History).WithSummary("A room's history, newest first (take: 1..200, default 50), without the pictures");
    }

    static async Task<IReadOnlyList<RoomHistoryEntry>> History(string id, RoomStore rooms, CancellationToken ct, int take = 50) =>
        (await rooms.HistoryAsync(id, take, ct)).Select(i => new RoomHistoryEntry(i.Id, i.Seed, i.Steps, i.DistributionText, i.ModelVersion,
            i.CreatedBy, i.CreatedUtc)).ToList();

    static async Task<IResult> Create(RoomCreation? body, RoomStore rooms, HttpContext http, CancellationToken ct)
    {
        var room = await rooms.CreateAsync(body?.Name ?? "api room", body?.Template ?? GenerationEndpoints.DefaultTemplate, "api client", ct,
            Identity.Owners.ApiActorOf(http).Owner);
        return TypedResults.Created($"/api/rooms/{room.Id}", new CreatedRoom(room.Id, $"/rooms/{room.Id}", RoomState.Of(room)));
    }

    static async Task<RoomState> Get(string id, RoomStore rooms, CancellationToken ct) => RoomState.Of(await rooms.GetAsync(id, ct));
}

/// <summary>A room to create.</summary>
/// <param name="Name">1..100 characters; default <c>api room</c>.</param>
/// <param name="Template">The prompt template with one <c>&lt;*&gt;</c>; default <c>a photo of a &lt;*&gt;</c>.</param>
public sealed record RoomCreation(string? Name = null, string? Template = null);

/// <summary>One image of a room's history.</summary>
/// <param name="Id">The image's id (it only grows).</param>
/// <param name="Seed">Its noise seed.</param>
/// <param name="Steps">Its denoising steps.</param>
/// <param name="Distribution">The normalised blend it rendered, e.g. <c>pig=0.6,sheep=0.4</c>.</param>
/// <param name="ModelVersion">The model version that rendered it.</param>
/// <param name="CreatedBy">Who queued it.</param>
/// <param name="CreatedUtc">When it was finished.</param>
public sealed record RoomHistoryEntry(long Id, int Seed, int Steps, string Distribution, string ModelVersion, string CreatedBy, DateTimeOffset CreatedUtc);

/// <summary>A created room.</summary>
/// <param name="Id">Its unguessable id.</param>
/// <param name="Url">Its Studio page.</param>
/// <param name="State">Its state (no concepts yet).</param>
public sealed record CreatedRoom(string Id, string Url, RoomState State);
