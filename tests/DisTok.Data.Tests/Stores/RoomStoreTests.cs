using DisTok.Data.Validation;

namespace DisTok.Data.Tests.Stores;

public abstract class RoomStoreTests(StudioDatabaseProvider provider)
{
    [Fact]
    public async Task A_new_room_has_an_unguessable_id_revision_1_and_no_concepts()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync(" Farm ", "a photo of a <*>", "ada");
        Assert.True(UnguessableId.IsWellFormed(room.Id));
        var loaded = await db.Rooms.GetAsync(room.Id);
        Assert.Equal(("Farm", "a photo of a <*>", 1L, "ada"), (loaded.Name, loaded.Template, loaded.Revision, loaded.UpdatedBy));
        Assert.Empty(loaded.Weights);
    }

    [Fact]
    public async Task Every_edit_gets_the_next_revision_and_weights_keep_the_order_they_joined_in()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        var token = await db.Library.SaveAsync(Samples.FromPrior(), "nebula", null, [], null, null);

        Assert.Equal(2, await db.Rooms.SetWeightAsync(room.Id, "Sheep", 45, "ada"));
        Assert.Equal(3, await db.Rooms.SetWeightAsync(room.Id, " pig ", 55.5, "bo"));
        Assert.Equal(4, await db.Rooms.SetWeightAsync(room.Id, $"TOKEN:{token.Id.ToString().ToUpperInvariant()}", 0, "cy"));
        Assert.Equal(5, await db.Rooms.SetWeightAsync(room.Id, "sheep", 100, "cy"));
        Assert.Equal(6, await db.Rooms.SetTemplateAsync(room.Id, "an emoji of a <*>", "ada"));
        Assert.Equal(7, await db.Rooms.RemoveConceptAsync(room.Id, "PIG", "ada"));

        var loaded = await db.Rooms.GetAsync(room.Id);
        Assert.Equal(7, loaded.Revision);
        Assert.Equal("an emoji of a <*>", loaded.Template);
        Assert.Equal([("sheep", 100.0, "cy", 5L), ($"token:{token.Id}", 0.0, "cy", 4L)],
            loaded.Weights.Select(w => (w.Key, w.Weight, w.UpdatedBy, w.Revision)));
        Assert.Equal(token.Id, loaded.Weights[1].TokenId);
    }

    [Theory]
    [InlineData("griffin", 1.0, "unknown concept 'griffin'")]
    [InlineData("token:not-a-guid", 1.0, "unknown concept 'token:not-a-guid'")]
    [InlineData("token:00000000-0000-0000-0000-000000000001", 1.0, "unknown concept 'token:00000000-0000-0000-0000-000000000001'")]
    [InlineData("", 1.0, "blank")]
    [InlineData("pig", -0.01, "between 0 and 100")]
    [InlineData("pig", 100.01, "between 0 and 100")]
    [InlineData("pig", double.NaN, "between 0 and 100")]
    [InlineData("pig", double.PositiveInfinity, "between 0 and 100")]
    public async Task Bad_weights_and_unknown_concepts_are_refused_and_change_nothing(string key, double weight, string message)
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        await db.Rooms.SetWeightAsync(room.Id, "pig", 10, "ada");
        var before = await db.CountAsync();

        var e = await Assert.ThrowsAsync<StudioValidationException>(() => db.Rooms.SetWeightAsync(room.Id, key, weight, "bo"));

        Assert.Contains(message, e.Message);
        Assert.Equal(before, await db.CountAsync());
        Assert.Equal(10, (await db.Rooms.GetAsync(room.Id)).Weights.Single().Weight);
    }

    [Fact]
    public async Task A_17th_concept_is_refused_with_a_clear_message_but_the_16_can_still_be_moved()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("big", "a photo of a <*>");
        var names = DisTok.Core.Concepts.ConceptCatalog.Default.Concepts.Select(c => c.Name).Take(17).ToList();
        foreach (var name in names.Take(16)) await db.Rooms.SetWeightAsync(room.Id, name, 1, "ada");
        var before = await db.CountAsync();

        var e = await Assert.ThrowsAsync<StudioValidationException>(() => db.Rooms.SetWeightAsync(room.Id, names[16], 1, "ada"));

        Assert.Contains("at most 16 concepts", e.Message);
        Assert.Equal(before, await db.CountAsync());
        Assert.Equal(18, await db.Rooms.SetWeightAsync(room.Id, names[0], 2, "ada"));
    }

    [Theory]
    [InlineData("no placeholder")]
    [InlineData("<*> and <*>")]
    [InlineData("")]
    public async Task A_template_needs_exactly_one_placeholder(string template)
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        var before = await db.CountAsync();
        Assert.Equal("template", (await Assert.ThrowsAsync<StudioValidationException>(() => db.Rooms.SetTemplateAsync(room.Id, template, "ada"))).Field);
        Assert.Equal("template", (await Assert.ThrowsAsync<StudioValidationException>(() => db.Rooms.CreateAsync("x", template))).Field);
        var tooLong = "<*>" + new string('x', 300);
        Assert.Contains("300", (await Assert.ThrowsAsync<StudioValidationException>(() => db.Rooms.SetTemplateAsync(room.Id, tooLong, "ada"))).Message);
        Assert.Equal(before, await db.CountAsync());
    }

    [Fact]
    public async Task Unknown_and_junk_room_ids_are_not_found()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var ghost = UnguessableId.New();
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Rooms.GetAsync(ghost));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Rooms.GetAsync(new string('x', 10_000)));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Rooms.SetWeightAsync(ghost, "pig", 1, "ada"));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Rooms.SetTemplateAsync("<script>", "a <*>", "ada"));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Rooms.AddImageAsync(ghost, Samples.Image()));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Rooms.HistoryAsync(ghost, 10));
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Rooms.RemoveConceptAsync(room.Id, "pig", "ada"));
        Assert.Equal(1, (await db.Rooms.GetAsync(room.Id)).Revision);
    }

    [Fact]
    public async Task History_is_newest_first_and_keeps_the_newest_200()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        var other = await db.Rooms.CreateAsync("other", "a photo of a <*>");
        await db.Rooms.AddImageAsync(other.Id, Samples.Image(999));
        var ids = new List<long>();
        for (int i = 0; i < 205; i++) ids.Add((await db.Rooms.AddImageAsync(room.Id, Samples.Image(i))).Id);

        var history = await db.Rooms.HistoryAsync(room.Id, 200);
        Assert.Equal(ids.AsEnumerable().Reverse().Take(200), history.Select(i => i.Id));
        Assert.Equal(204, history[0].Seed);
        Assert.Equal(Samples.Png(100 + 204), history[0].Png);
        Assert.Equal(("a photo of a <*>", "pig=0.55,sheep=0.45", "2026.05-1", "ada", 20, 3.0),
            (history[0].Template, history[0].DistributionText, history[0].ModelVersion, history[0].CreatedBy, history[0].Steps, history[0].Guidance));
        Assert.Equal(3, (await db.Rooms.HistoryAsync(room.Id, 3)).Count);
        Assert.Equal(201, (await db.CountAsync()).Images);
        Assert.Single(await db.Rooms.HistoryAsync(other.Id, 10));
        Assert.Equal(204, (await db.Rooms.GetImageAsync(room.Id, ids[^1])).Seed);
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Rooms.GetImageAsync(room.Id, ids[0]));
    }

    [Fact]
    public async Task Bad_images_are_refused_and_stored_nowhere()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        var before = await db.CountAsync();
        var good = Samples.Image();
        (string Field, DisTok.Data.Entities.RoomImage Image)[] bad =
        [
            ("image", Copy(good, i => i.Png = [])),
            ("image", Copy(good, i => i.Png = [1, 2, 3])),
            ("seed", Copy(good, i => i.Seed = -1)),
            ("steps", Copy(good, i => i.Steps = 0)),
            ("guidance", Copy(good, i => i.Guidance = double.NaN)),
            ("distribution", Copy(good, i => i.DistributionText = "")),
            ("created by", Copy(good, i => i.CreatedBy = new string('c', 61))),
        ];
        foreach (var (field, image) in bad)
            Assert.Equal(field, (await Assert.ThrowsAsync<StudioValidationException>(() => db.Rooms.AddImageAsync(room.Id, image))).Field);
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Rooms.HistoryAsync(room.Id, 0));
        Assert.Equal(before, await db.CountAsync());
    }

    [Fact]
    public async Task An_image_of_a_job_already_kept_is_not_kept_twice()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        var job = Guid.NewGuid();
        var first = await db.Rooms.AddImageAsync(room.Id, Copy(Samples.Image(1), i => i.JobId = job));
        var again = await db.Rooms.AddImageAsync(room.Id, Copy(Samples.Image(2), i => i.JobId = job)); // a redelivered job rendered again
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, again.Seed);
        await db.Rooms.AddImageAsync(room.Id, Copy(Samples.Image(3), i => i.JobId = Guid.NewGuid()));
        await db.Rooms.AddImageAsync(room.Id, Samples.Image(4));                                           // no job: always kept
        await db.Rooms.AddImageAsync(room.Id, Samples.Image(5));
        Assert.Equal([5, 4, 3, 1], (await db.Rooms.HistoryAsync(room.Id, 10)).Select(i => i.Seed));
    }

    static DisTok.Data.Entities.RoomImage Copy(DisTok.Data.Entities.RoomImage image, Action<DisTok.Data.Entities.RoomImage> change)
    {
        var copy = new DisTok.Data.Entities.RoomImage
        {
            Seed = image.Seed, Steps = image.Steps, Guidance = image.Guidance, Template = image.Template,
            DistributionText = image.DistributionText, ModelVersion = image.ModelVersion, Png = image.Png, CreatedBy = image.CreatedBy,
        };
        change(copy);
        return copy;
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class RoomStoreOnSqliteTests() : RoomStoreTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class RoomStoreOnPostgresTests() : RoomStoreTests(StudioDatabaseProvider.Postgres);
