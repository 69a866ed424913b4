using System.Runtime.InteropServices;
using DisTok.Core.Tokens;
using DisTok.Data.Validation;

namespace DisTok.Data.Tests.Stores;

public abstract class TokenLibraryTests(StudioDatabaseProvider provider)
{
    [Fact]
    public async Task A_saved_token_comes_back_bit_for_bit_with_its_source_model_and_time()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var token = Samples.PigSheep();
        var thumb = Samples.Png(300);

        var saved = await db.Library.SaveAsync(token, "  Pig sheep  ", "first\nblend", ["Farm", " farm ", "Blend"], " ada ", thumb);
        var loaded = await db.Library.GetAsync(saved.Id);
        var back = loaded.ToCreativeToken();

        Assert.Equal(MemoryMarshal.AsBytes(token.Vector.AsSpan()).ToArray(), MemoryMarshal.AsBytes(back.Vector.AsSpan()).ToArray());
        Assert.True(float.IsNegative(back.Vector[1]));
        Assert.Equal(token.Source, back.Source);
        Assert.Equal("distribution", loaded.SourceKind);
        Assert.Equal("pig=0.55,sheep=0.45", loaded.SourceText);
        Assert.Equal(token.Model, back.Model);
        Assert.Equal(token.CreatedUtc, back.CreatedUtc);
        Assert.Equal(token.CreatedUtc.UtcTicks, back.CreatedUtc.UtcTicks);
        Assert.Equal("Pig sheep", loaded.Name);
        Assert.Equal("first\nblend", loaded.Notes);
        Assert.Equal(["blend", "farm"], loaded.TagNames);
        Assert.Equal("ada", loaded.Author);
        Assert.Equal(thumb, loaded.ThumbnailPng);
        Assert.Equal(token with { Name = "Pig sheep" }, back);
    }

    [Fact]
    public async Task A_prior_token_keeps_prior_seed_and_temperature_and_a_blank_author_is_anonymous()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var token = Samples.FromPrior(seed: 42);
        var saved = await db.Library.SaveAsync(token, "cauchy 42", null, [], "  ", null);
        var loaded = await db.Library.GetAsync(saved.Id);
        Assert.Equal(token.Source, loaded.ToCreativeToken().Source);
        Assert.Equal("""{"kind":"prior","prior":"cauchy","seed":42,"temperature":0.8}""", loaded.SourceJson);
        Assert.Equal("anonymous", loaded.Author);
        Assert.Null(loaded.Notes);
        Assert.Null(loaded.ThumbnailPng);
    }

    [Fact]
    public async Task Search_matches_name_notes_and_source_case_insensitively_newest_first_and_filters_by_tag()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var pig = await db.Library.SaveAsync(Samples.PigSheep(), "Woolly Pig", null, ["farm"], "ada", null);
        var prior = await db.Library.SaveAsync(Samples.FromPrior(), "Nebula", "looks like a CLOUD", ["sky", "farm"], "bo", null);
        var third = await db.Library.SaveAsync(Samples.FromPrior(3), "Ünïcode Ärt", null, ["Ärger"], "cy", null);

        Assert.Equal([third.Id, prior.Id, pig.Id], (await db.Library.SearchAsync(null, null, DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id));
        Assert.Equal([pig.Id], (await db.Library.SearchAsync("woolly", null, DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id));
        Assert.Equal([prior.Id], (await db.Library.SearchAsync("cloud", null, DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id));
        Assert.Equal([pig.Id], (await db.Library.SearchAsync("SHEEP=0.45", null, DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id));
        Assert.Equal(new[] { prior.Id, third.Id }.Order(), (await db.Library.SearchAsync("cauchy", null, DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id).Order());
        Assert.Equal([third.Id], (await db.Library.SearchAsync("ärt", null, DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id));
        Assert.Equal([prior.Id, pig.Id], (await db.Library.SearchAsync(null, "FARM", DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id));
        Assert.Equal([third.Id], (await db.Library.SearchAsync(null, "ärger", DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id));
        Assert.Equal([prior.Id], (await db.Library.SearchAsync("nebula", "farm", DisTok.Data.Validation.StudioActor.Administrator, 0, 10)).Select(t => t.Id));
        Assert.Empty(await db.Library.SearchAsync("%", null, DisTok.Data.Validation.StudioActor.Administrator, 0, 10));
        Assert.Equal([prior.Id], (await db.Library.SearchAsync(null, null, DisTok.Data.Validation.StudioActor.Administrator, 1, 1)).Select(t => t.Id));
        Assert.Equal(["farm", "sky"], (await db.Library.SearchAsync("nebula", null, DisTok.Data.Validation.StudioActor.Administrator, 0, 1))[0].TagNames);
    }

    [Fact]
    public async Task Update_replaces_name_notes_and_tags_and_search_follows()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var saved = await db.Library.SaveAsync(Samples.PigSheep(), "old", "old notes", ["a", "b"], null, null);

        var updated = await db.Library.UpdateAsync(saved.Id, "new name", null, ["b", "C"], StudioActor.Administrator);

        Assert.Equal(["b", "c"], updated.TagNames);
        var loaded = await db.Library.GetAsync(saved.Id);
        Assert.Equal("new name", loaded.Name);
        Assert.Null(loaded.Notes);
        Assert.Equal(["b", "c"], loaded.TagNames);
        Assert.Empty(await db.Library.SearchAsync("old", null, DisTok.Data.Validation.StudioActor.Administrator, 0, 10));
        Assert.Empty(await db.Library.SearchAsync(null, "a", DisTok.Data.Validation.StudioActor.Administrator, 0, 10));
        Assert.Single(await db.Library.SearchAsync("new", "c", DisTok.Data.Validation.StudioActor.Administrator, 0, 10));
    }

    [Fact]
    public async Task Delete_removes_the_token_and_its_tags_and_unknown_ids_are_not_found()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var saved = await db.Library.SaveAsync(Samples.PigSheep(), "gone soon", null, ["x", "y"], null, null);
        await db.Library.DeleteAsync(saved.Id, StudioActor.Administrator);

        Assert.Equal(0, (await db.CountAsync()).Tags);
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Library.GetAsync(saved.Id));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Library.DeleteAsync(saved.Id, StudioActor.Administrator));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Library.UpdateAsync(Guid.NewGuid(), "n", null, [], StudioActor.Administrator));
    }

    /// <summary>A save that must be refused: the field the error names, and how the call differs from a good one.</summary>
    sealed record BadSave(string Field, Func<CreativeToken, CreativeToken> Change, string Name = "ok", string? Notes = null,
        string[]? Tags = null, string? Author = null, byte[]? Thumbnail = null);

    static readonly Dictionary<string, BadSave> BadSaves = new()
    {
        ["blank name"] = new("name", t => t, Name: ""),
        ["101-character name"] = new("name", t => t, Name: new string('n', 101)),
        ["two-line name"] = new("name", t => t, Name: "two\nlines"),
        ["4001-character notes"] = new("notes", t => t, Notes: new string('n', 4001)),
        ["33-character tag"] = new("tags", t => t, Tags: [new string('t', 33)]),
        ["17 tags"] = new("tags", t => t, Tags: Enumerable.Range(0, 17).Select(i => $"t{i}").ToArray()),
        ["tag with a comma"] = new("tags", t => t, Tags: ["a,b"]),
        ["61-character author"] = new("author", t => t, Author: new string('a', 61)),
        ["thumbnail over 256 KB"] = new("thumbnail", t => t, Thumbnail: Samples.Png(256 * 1024 + 1)),
        ["thumbnail not a PNG"] = new("thumbnail", t => t, Thumbnail: [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ["NaN in the vector"] = new("vector", t => t with { Vector = [1f, float.NaN, 0, 0, 0, 0, 0, 0] }),
        ["vector shorter than its stamp"] = new("vector", t => t with { Vector = [1f, 2f] }),
        ["empty vector"] = new("vector", t => t with { Vector = [], Model = t.Model with { Dimension = 0 } }),
        ["unknown source kind"] = new("source", t => t with { Source = new TokenSource("dream") }),
        ["prior source without prior"] = new("source", t => t with { Source = new TokenSource("prior") }),
        ["distribution source without weights"] = new("source", t => t with { Source = new TokenSource("distribution") }),
        ["blank model version"] = new("model version", t => t with { Model = t.Model with { Version = " " } }),
    };

    public static TheoryData<string> BadSaveNames() => [.. BadSaves.Keys];

    [Theory]
    [MemberData(nameof(BadSaveNames))]
    public async Task A_refused_save_names_the_field_and_stores_nothing(string badSave)
    {
        var bad = BadSaves[badSave];
        await using var db = await StudioDatabase.CreateAsync(provider);
        await db.Library.SaveAsync(Samples.FromPrior(), "keep", "notes", ["kept"], null, null);
        var before = await db.CountAsync();

        var e = await Assert.ThrowsAsync<StudioValidationException>(() =>
            db.Library.SaveAsync(bad.Change(Samples.PigSheep()), bad.Name, bad.Notes, bad.Tags ?? [], bad.Author, bad.Thumbnail));

        Assert.Equal(bad.Field, e.Field);
        Assert.IsAssignableFrom<ArgumentException>(e);
        Assert.Equal(before, await db.CountAsync());
    }

    [Fact]
    public async Task A_refused_update_changes_nothing()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var saved = await db.Library.SaveAsync(Samples.PigSheep(), "keep", "notes", ["a"], null, null);

        var e = await Assert.ThrowsAsync<StudioValidationException>(() => db.Library.UpdateAsync(saved.Id, "new", null, [new string('x', 40)], StudioActor.Administrator));
        Assert.Contains("32", e.Message);
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Library.UpdateAsync(saved.Id, " ", null, [], StudioActor.Administrator));

        var loaded = await db.Library.GetAsync(saved.Id);
        Assert.Equal(("keep", "notes"), (loaded.Name, loaded.Notes));
        Assert.Equal(["a"], loaded.TagNames);
    }

    [Theory]
    [InlineData(-1, 10, "skip")]
    [InlineData(0, 0, "take")]
    [InlineData(0, 201, "take")]
    public async Task Search_refuses_bad_paging(int skip, int take, string field)
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var e = await Assert.ThrowsAsync<StudioValidationException>(() => db.Library.SearchAsync(null, null, DisTok.Data.Validation.StudioActor.Administrator, skip, take));
        Assert.Equal(field, e.Field);
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class TokenLibraryOnSqliteTests() : TokenLibraryTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class TokenLibraryOnPostgresTests() : TokenLibraryTests(StudioDatabaseProvider.Postgres);
