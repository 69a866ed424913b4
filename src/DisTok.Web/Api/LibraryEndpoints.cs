using DisTok.Core.Tokens;
using DisTok.Data.Stores;
using DisTok.ML.DisTok;
using DisTok.Web.Identity;
using DisTok.Web.Models;
using DisTok.Web.Security;

namespace DisTok.Web.Api;

/// <summary><c>/api/library</c>: list, fetch, download, upload and delete saved tokens.</summary>
public static class LibraryEndpoints
{
    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/library").WithTags("Library");
        g.MapGet("/", Search).WithSummary("Saved tokens, newest first; filter by text and tag");
        g.MapGet("/{id:guid}", Get).WithSummary("One saved token");
        g.MapGet("/{id:guid}/token.json", DownloadJson).WithSummary("Download as a distok-token/1 JSON file");
        g.MapGet("/{id:guid}/token.safetensors", DownloadSafeTensors).WithSummary("Download as a .safetensors embedding (emb_params [1, 384])");
        g.MapGet("/{id:guid}/thumbnail.png", Thumbnail).WithSummary("The saved preview image");
        g.MapPost("/", Upload).RequireRateLimiting(RateLimits.Store).WithSummary("Upload a token file (JSON or .safetensors) into the library")
            .WithDescription("Send the file's bytes as the body (application/json or application/octet-stream, at most 1 MB). " +
                             "The file must live in the loaded model's text-encoder space (any DisTok version). name, notes, author and tags (comma-separated) are query parameters. " +
                             "The uploader (its account, or its browser cookie) owns the token: only it or an administrator may delete it.")
            .Accepts<byte[]>("application/json", "application/octet-stream");
        g.MapDelete("/{id:guid}", Delete).WithSummary("Delete a saved token (its owner or an administrator only; 403 otherwise)");
    }

    static async Task<IReadOnlyList<SavedTokenView>> Search(TokenLibrary library, string? text, string? tag, int? skip, int? take, CancellationToken ct) =>
        (await library.SearchAsync(text, tag, skip ?? 0, take ?? 50, ct)).Select(SavedTokenView.Of).ToList();

    static async Task<SavedTokenView> Get(Guid id, TokenLibrary library, CancellationToken ct) => SavedTokenView.Of(await library.GetAsync(id, ct));

    static async Task<IResult> DownloadJson(Guid id, TokenLibrary library, CancellationToken ct)
    {
        var saved = await library.GetAsync(id, ct);
        using var stream = new MemoryStream();
        TokenFile.Write(saved.ToCreativeToken(), stream);
        return TypedResults.File(stream.ToArray(), "application/json", FileName(saved.Name, "json"));
    }

    static async Task<IResult> DownloadSafeTensors(Guid id, TokenLibrary library, CancellationToken ct)
    {
        var saved = await library.GetAsync(id, ct);
        using var stream = new MemoryStream();
        TokenFile.ExportSafeTensors(saved.ToCreativeToken(), stream);
        return TypedResults.File(stream.ToArray(), "application/octet-stream", FileName(saved.Name, "safetensors"));
    }

    static async Task<IResult> Thumbnail(Guid id, TokenLibrary library, CancellationToken ct)
    {
        var saved = await library.GetAsync(id, ct);
        return saved.ThumbnailPng is { } png ? TypedResults.File(png, "image/png")
            : TypedResults.Problem($"token {id} has no thumbnail", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    static async Task<IResult> Upload(HttpRequest request, TokenLibrary library, ServedDisTok distok,
        string? name, string? notes, string? author, string? tags, CancellationToken ct)
    {
        var model = distok.Model ?? throw new ModelMissingException(distok.Problem!);
        var bytes = await ReadBodyAsync(request, ct);
        // Any DisTok version in this text encoder's space is accepted; the token keeps the stamp of the model that made it.
        var token = TokenFile.ReadUpload(new MemoryStream(bytes), model.Expectations with { ModelSha256 = null }, "the uploaded token file");
        var tagList = tags?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var saved = await library.SaveAsync(token, name ?? token.Name ?? "imported token", notes, tagList, author, thumbnail: null, ct,
            Owners.ActorOf(request.HttpContext).Owner);
        return TypedResults.Created($"/api/library/{saved.Id}", SavedTokenView.Of(saved));
    }

    static async Task<IResult> Delete(Guid id, TokenLibrary library, HttpContext http, CancellationToken ct)
    {
        await library.DeleteAsync(id, Owners.ActorOf(http), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The body, refused once it passes <see cref="TokenFile.MaxBytes"/> (read no further).</summary>
    static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > TokenFile.MaxBytes) throw TooLarge(request.ContentLength.Value);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        for (int n; (n = await request.Body.ReadAsync(chunk, ct)) > 0;)
        {
            if (buffer.Length + n > TokenFile.MaxBytes) throw TooLarge(null);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    static TokenFileException TooLarge(long? bytes) =>
        new($"the uploaded token file is {(bytes is { } b ? $"{b:N0} bytes" : "too large")}; at most {TokenFile.MaxBytes:N0} bytes");

    /// <summary>A download name from the token's name: letters, digits, '-' and '_' only.</summary>
    public static string FileName(string name, string extension)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return $"{(safe.Length == 0 ? "token" : safe[..Math.Min(safe.Length, 60)])}.{extension}";
    }
}
