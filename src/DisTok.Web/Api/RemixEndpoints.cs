using System.Text.Json.Nodes;
using DisTok.Core.Tokens;
using DisTok.ML.Imaging;
using DisTok.Web.Models;
using DisTok.Web.Reading;
using DisTok.Web.Security;

namespace DisTok.Web.Api;

/// <summary><c>POST /api/remix</c>: an image in, the labeler's reading of it as a distribution and DisTok's token for that distribution out.</summary>
public static class RemixEndpoints
{
    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/remix", Remix).RequireRateLimiting(RateLimits.Generate).WithTags("Tokens")
            .WithSummary("Remix from an image: its distribution as the labeler reads it, and a creative token for it")
            .WithDescription($"Send the image as the request body (PNG, JPEG or WebP, at most {UploadedImage.MaxBytes / 1048576} MB and " +
                             $"{UploadedImage.MaxSide}×{UploadedImage.MaxSide} pixels). top (1–{RemixReader.MaxTop}, default {RemixReader.DefaultTop}) " +
                             "caps the concepts kept; the answer says how much of the reading they held before normalising.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
    }

    static async Task<IResult> Remix(HttpRequest request, RemixReader remix, LabelerReading labeler, ServedDisTok distok, int? top, CancellationToken ct)
    {
        if (labeler.Unavailable is { } why) throw new ModelMissingException($"the soft labeler is not available: {why}");
        var model = distok.Model ?? throw new ModelMissingException(distok.Problem!);
        var image = await ApiBody.ReadAsync(request, UploadedImage.MaxBytes, length =>
            new ArgumentException($"the image is {(length is { } b ? $"{b:N0} bytes" : "too large")}; at most {UploadedImage.MaxBytes:N0} bytes"), ct);
        var reading = await remix.ReadAsync(image, top ?? RemixReader.DefaultTop);
        var token = model.TokenFor(reading.Distribution, "remix");
        return TypedResults.Json(new JsonObject
        {
            ["distribution"] = reading.Distribution.ToString(),
            ["weights"] = new JsonObject(reading.Distribution.Entries.Select(e => KeyValuePair.Create(e.Concept, (JsonNode?)e.Weight))),
            ["coverage"] = Math.Round(reading.Coverage, 4),
            ["note"] = reading.Note,
            ["token"] = JsonNode.Parse(TokenFile.ToJson(token)),
        });
    }
}
