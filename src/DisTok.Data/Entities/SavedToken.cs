using DisTok.Core.Tokens;
using DisTok.Data.Storage;
using DisTok.Data.Validation;

namespace DisTok.Data.Entities;

/// <summary>A creative token kept in the library: the vector, where it came from, the model that made it, and what people wrote about it.</summary>
public sealed class SavedToken
{
    /// <summary>The owner identity of whoever saved it (<c>account:…</c> or <c>client:…</c>, never shown); null for rows from before
    /// owners were recorded, which only administrators may change.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(80)]
    public string? Owner { get; set; }

    /// <summary>True when its owner has shown it in the public gallery; otherwise only its owner (and administrators, and
    /// whoever holds a live share link to it) can see it.</summary>
    public bool IsPublic { get; set; }

    /// <summary>The library's id for the token.</summary>
    public Guid Id { get; set; }

    /// <summary>The name people gave it (1..100 characters, one line).</summary>
    public string Name { get; set; } = "";

    /// <summary>Free notes (at most 4000 characters), or null.</summary>
    public string? Notes { get; set; }

    /// <summary>Lower-case tags, at most 16.</summary>
    public List<TokenTag> Tags { get; set; } = [];

    /// <summary>The source's kind (<c>distribution</c>, <c>prior</c>, …), kept beside the JSON for filtering.</summary>
    public string SourceKind { get; set; } = "";

    /// <summary>The <see cref="TokenSource"/> as the token format's JSON object.</summary>
    public string SourceJson { get; set; } = "";

    /// <summary>The source for people, e.g. <c>pig=0.55,sheep=0.45</c> (<see cref="TokenSource.Describe"/>).</summary>
    public string SourceText { get; set; } = "";

    /// <summary>Name, notes and source text in lower case, what a text search matches.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The vector: <see cref="Dimension"/> little-endian float32 values.</summary>
    public byte[] Vector { get; set; } = [];

    /// <summary>The number of values in the vector.</summary>
    public int Dimension { get; set; }

    /// <summary>The DisTok model's version label.</summary>
    public string ModelVersion { get; set; } = "";

    /// <summary>The sha256 of the DisTok model's weights.</summary>
    public string ModelSha256 { get; set; } = "";

    /// <summary>The text encoder whose embedding space the token lives in.</summary>
    public string TextEncoder { get; set; } = "";

    /// <summary>A small PNG preview (at most 256 KB), or null.</summary>
    public byte[]? ThumbnailPng { get; set; }

    /// <summary>The display name of whoever saved it; <c>anonymous</c> by default.</summary>
    public string Author { get; set; } = StudioLimits.AnonymousName;

    /// <summary>When the token was made.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When it was saved into the library (the library lists newest first by this).</summary>
    public DateTimeOffset SavedUtc { get; set; }

    /// <summary>The tags as text, in ordinal order.</summary>
    public IReadOnlyList<string> TagNames => Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList();

    /// <summary>The token as Core knows it; the vector is bit-for-bit what was saved.</summary>
    public CreativeToken ToCreativeToken() =>
        new(VectorBytes.ToVector(Vector), TokenSourceJson.Read(SourceJson), new ModelStamp(ModelVersion, ModelSha256, TextEncoder, Dimension), CreatedUtc, Name);

    /// <summary>A new library entry for <paramref name="token"/>, every field checked.</summary>
    /// <exception cref="StudioValidationException">The token or a field breaks a limit.</exception>
    public static SavedToken FromCreativeToken(CreativeToken token, string name, string? notes, IEnumerable<string>? tags,
        string? author, byte[]? thumbnail, DateTimeOffset savedUtc)
    {
        var saved = new SavedToken
        {
            Id = Guid.NewGuid(),
            SourceKind = token.Source.Kind,
            SourceJson = TokenInput.SourceJson(token),
            SourceText = token.Source.Describe(),
            Vector = VectorBytes.FromVector(TokenInput.Vector(token)),
            Dimension = token.Model.Dimension,
            ModelVersion = StudioInput.Label(token.Model.Version, "model version"),
            ModelSha256 = StudioInput.Label(token.Model.Sha256, "model sha256"),
            TextEncoder = StudioInput.Label(token.Model.TextEncoder, "text encoder"),
            ThumbnailPng = StudioInput.Png(thumbnail, "thumbnail", StudioLimits.MaxThumbnailBytes),
            Author = StudioInput.DisplayName(author),
            CreatedUtc = token.CreatedUtc,
            SavedUtc = savedUtc,
        };
        saved.Edit(name, notes, tags);
        return saved;
    }

    /// <summary>Sets name, notes and tags (checked and normalised) and refreshes <see cref="SearchText"/>.</summary>
    /// <exception cref="StudioValidationException">A field breaks a limit; nothing is changed then.</exception>
    public void Edit(string name, string? notes, IEnumerable<string>? tags)
    {
        var n = StudioInput.Name(name, "name");
        var nt = StudioInput.Notes(notes);
        var tg = TagList.Normalize(tags);
        Name = n;
        Notes = nt;
        Tags.RemoveAll(t => !tg.Contains(t.Tag, StringComparer.Ordinal));
        foreach (var tag in tg.Where(tag => !Tags.Exists(t => t.Tag == tag))) Tags.Add(new TokenTag { TokenId = Id, Tag = tag });
        SearchText = string.Join('\n', [n, nt ?? "", SourceText]).ToLowerInvariant();
    }
}
