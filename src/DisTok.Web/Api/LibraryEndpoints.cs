using DisTok.Core.Tokens;
using DisTok.Data.Stores;
using DisTok.ML.DisTok;
using DisTok.Web.Identity;
using DisTok.Web.Models;
using DisTok.Web.Security;

namespace DisTok.Web.Api;

/// <summary><c>/api/library</c>: list, fetch, download, upload, publish and delete saved tokens. A token is private to
/// whoever saved it (their account, or their browser cookie) unless they make it public; someone else's private token
/// answers 404 here, exactly as one that does not exist. A share link (<c>/s/…</c>) shows what it shares.</summary>
public static class LibraryEndpoints
{
    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/library").WithTags("Library");
        g.MapGet("/", Search).WithSummary("Your saved tokens, or with scope=public the public gallery; newest first, filter by text and tag");
        g.MapGet("/{id:guid}", Get).WithSummary("One saved token (yours or a public one)");
        g.MapGet("/{id:guid}/token.json", DownloadJson).WithSummary("Download as a distok-token/1 JSON file");
        g.MapGet("/{id:guid}/token.safetensors", DownloadSafeTensors).WithSummary("Download as a .safetensors embedding (emb_params [1, 384])");
        g.MapGet("/{id:guid}/thumbnail.png", Thumbnail).WithSummary("The saved preview image");
        g.MapPost("/", Upload).RequireRateLimiting(RateLimits.Store).WithSummary("Upload a token file (JSON or .safetensors) into the library")
            .WithDescription("Send the file's bytes as the body (application/json or application/octet-stream, at most 1 MB). " +
                             "The file must live in the loaded model's text-encoder space (any DisTok version). name, notes, author and tags (comma-separated) are query parameters. " +
                             "The uploader (its account, or its browser cookie) owns the token: only it or an administrator may delete it.")
            .Accepts<byte[]>("application/json", "application/octet-stream");
        g.MapDelete("/{id:guid}", Delete).WithSummary("Delete a saved token (its owner or an administrator only; 403 otherwise)");
        g.MapPut("/{id:guid}/visibility", SetVisibility).WithSummary("Show a token in the public gallery or take it out: {\"public\": true|false} (owner or administrator)");
    }

    static async Task<IReadOnlyList<SavedTokenView>> Search(TokenLibrary library, HttpContext http, string? text, string? tag, string? scope,
        int? skip, int? take, CancellationToken ct)
    {
        var which = scope switch
        {
            null or "" or "mine" => TokenScope.Mine,
            "public" => TokenScope.Public,
            _ => throw new ArgumentException($"scope must be 'mine' or 'public', got '{scope}'"),
        };
        return (await library.SearchAsync(text, tag, Owners.ApiActorOf(http), skip ?? 0, take ?? 50, which, ct)).Select(SavedTokenView.Of).ToList();
    }

    static async Task<SavedTokenView> Get(Guid id, TokenLibrary library, HttpContext http, CancellationToken ct) =>
        SavedTokenView.Of(await library.GetVisibleAsync(id, Owners.ApiActorOf(http), ct));

    static async Task<SavedTokenView> SetVisibility(Guid id, VisibilityChange body, TokenLibrary library, HttpContext http, CancellationToken ct)
    {
        if (body?.Public is not { } isPublic) throw new ArgumentException("send {\"public\": true} or {\"public\": false}");
        var actor = Owners.ApiActorOf(http);
        await library.GetVisibleAsync(id, actor, ct);   // someone else's private token: 404, as if it did not exist
        return SavedTokenView.Of(await library.SetPublicAsync(id, isPublic, actor, ct));
    }

    static async Task<IResult> DownloadJson(Guid id, TokenLibrary library, HttpContext http, CancellationToken ct)
    {
        var saved = await library.GetVisibleAsync(id, Owners.ApiActorOf(http), ct);
        using var stream = new MemoryStream();
        TokenFile.Write(saved.ToCreativeToken(), stream);
        return TypedResults.File(stream.ToArray(), "application/json", FileName(saved.Name, "json"));
    }

    static async Task<IResult> DownloadSafeTensors(Guid id, TokenLibrary library, HttpContext http, CancellationToken ct)
    {
        var saved = await library.GetVisibleAsync(id, Owners.ApiActorOf(http), ct);
        using var stream = new MemoryStream();
        TokenFile.ExportSafeTensors(saved.ToCreativeToken(), stream);
        return TypedResults.File(stream.ToArray(), "application/octet-stream", FileName(saved.Name, "safetensors"));
    }

    static async Task<IResult> Thumbnail(Guid id, TokenLibrary library, HttpContext http, CancellationToken ct)
    {
        var saved = await library.GetVisibleAsync(id, Owners.ApiActorOf(http), ct);
        return saved.ThumbnailPng is { } png ? TypedResults.File(png, "image/png")
            : TypedResults.Problem($"token {id} has no thumbnail", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    static async Task<IResult> Upload(HttpRequest request, TokenLibrary library, ServedDisTok distok,
        string? name, string? notes, string? author, string? tags, CancellationToken ct)
    {
        var owner = Owners.ApiActorOf(request.HttpContext).Owner;
        if (owner is null)
            return TypedResults.Problem(title: "Uploading needs an owner", statusCode: StatusCodes.Status401Unauthorized,
                detail: "A saved token is private to whoever saved it: sign in, or send the studio's client cookie of a browser " +
                        "session, so that you can see, publish and delete it later. Nothing was stored.");
        var model = distok.Model ?? throw new ModelMissingException(distok.Problem!);
        var bytes = await ApiBody.ReadAsync(request, TokenFile.MaxBytes, TooLarge, ct);
        // Any DisTok version in this text encoder's space is accepted; the token keeps the stamp of the model that made it.
        var token = TokenFile.ReadUpload(new MemoryStream(bytes), model.Expectations with { ModelSha256 = null }, "the uploaded token file");
        var tagList = tags?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var saved = await library.SaveAsync(token, name ?? token.Name ?? "imported token", notes, tagList, author, thumbnail: null, ct, owner);
        return TypedResults.Created($"/api/library/{saved.Id}", SavedTokenView.Of(saved));
    }

    static async Task<IResult> Delete(Guid id, TokenLibrary library, HttpContext http, CancellationToken ct)
    {
        var actor = Owners.ApiActorOf(http);
        await library.GetVisibleAsync(id, actor, ct);   // someone else's private token: 404, as if it did not exist
        await library.DeleteAsync(id, actor, ct);
        return TypedResults.NoContent();
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

/// <summary>The body of <c>PUT /api/library/{id}/visibility</c>.</summary>
/// <param name="Public">True to show the token in the public gallery, false to make it private again.</param>
public sealed record VisibilityChange(bool? Public);
