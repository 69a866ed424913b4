using DisTok.Core.Tokens;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.Web.Rooms;
using DisTok.Web.Models;

namespace DisTok.Web.Library;

/// <summary>
/// Puts tokens into the library from where people find them: a room's image (its distribution, re-encoded by the
/// same model), an Explore sample (prior + seed), an uploaded token file, or a shared token (a copy). Every path checks
/// the token against the loaded DisTok model first; a refusal throws and stores nothing.
/// </summary>
public sealed class TokenKeeper(TokenLibrary library, ServedDisTok distok)
{
    /// <summary>The label room images carry for the model that made them (<c>distok {version}</c>).</summary>
    public static string ImageModelLabel(DisTokModel model) => "distok " + model.Stamp.Version;

    /// <summary>Keeps the token behind a room image; its PNG becomes the thumbnail.</summary>
    /// <exception cref="ArgumentException">No model, or the image was made by another model version (its token cannot be remade).</exception>
    /// <exception cref="StudioValidationException">A field breaks a limit.</exception>
    public async Task<SavedToken> KeepRoomImageAsync(RoomImage image, string author, string? owner, CancellationToken ct = default)
    {
        var model = Model();
        if (image.ModelVersion != ImageModelLabel(model))
            throw new ArgumentException($"this image was made by {image.ModelVersion}; the loaded model is {ImageModelLabel(model)}, so its token cannot be remade");
        var blend = await RoomBlend.ResolveAsync(RoomBlend.ParseText(image.DistributionText), model, library, ct);
        var token = new CreativeToken(model.Decode(blend.Latent), blend.Source, model.Stamp, DateTimeOffset.UtcNow);
        return await library.SaveAsync(token, StudioInput.Clip(blend.Label), $"from a room image: \"{image.Template}\", seed {image.Seed}",
            ["room"], author, Thumbnail(image.Png), ct, owner);
    }

    /// <summary>Keeps an unconditional token (prior, seed, temperature) with the image it rendered.</summary>
    public Task<SavedToken> KeepPriorAsync(PriorKind prior, int seed, double temperature, byte[]? png, string? reading, string author,
        string? owner, CancellationToken ct = default)
    {
        var token = Model().TokenFromPrior(prior, seed, temperature);
        var notes = reading is null ? null : $"the labeler reads it as {reading}";
        return library.SaveAsync(token, $"{Priors.Name(prior)} #{seed} (T {temperature:0.##})", notes, ["explore", Priors.Name(prior)], author,
            Thumbnail(png), ct, owner);
    }

    /// <summary>Reads an uploaded JSON or .safetensors token file and keeps it.</summary>
    /// <exception cref="TokenFileException">The file is empty, too large, malformed, or from another text encoder's space.</exception>
    public async Task<SavedToken> UploadAsync(Stream file, string fileName, string author, string? owner, CancellationToken ct = default)
    {
        var shown = fileName.Length > 80 ? fileName[..80] + "…" : fileName;
        // Any DisTok version in this text encoder's space is accepted; the token keeps the stamp of the model that made it.
        var token = TokenFile.ReadUpload(file, Model().Expectations with { ModelSha256 = null }, $"the file '{shown}'");
        var name = token.Name ?? Path.GetFileNameWithoutExtension(fileName);
        return await library.SaveAsync(token, string.IsNullOrWhiteSpace(name) ? "uploaded token" : StudioInput.Clip(name), null, ["uploaded"], author, null, ct, owner);
    }

    /// <summary>Copies a shared token into the library under the importer's name (and owner identity).</summary>
    public Task<SavedToken> ImportAsync(SavedToken shared, string author, string? owner, CancellationToken ct = default)
    {
        var token = shared.ToCreativeToken();
        TokenChecksAgainstModel(token);
        return library.SaveAsync(token, shared.Name, shared.Notes, shared.TagNames, author, shared.ThumbnailPng, ct, owner);
    }

    void TokenChecksAgainstModel(CreativeToken token)
    {
        // The same check an uploaded file gets: round-trip through the file format against the loaded model.
        try { TokenFile.FromJson(TokenFile.ToJson(token), Model().Expectations with { ModelSha256 = null }); }
        catch (TokenFileException e) { throw new ArgumentException(e.Message.Replace("the token", "this shared token", StringComparison.Ordinal)); }
    }

    DisTokModel Model() => distok.Model ?? throw new ArgumentException(distok.Problem);

    static byte[]? Thumbnail(byte[]? png) => png is { Length: <= StudioLimits.MaxThumbnailBytes } ? png : null;
}
