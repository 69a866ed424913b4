namespace DisTok.Data.Tests.Stores;

public abstract class RoomConcurrencyTests(StudioDatabaseProvider provider)
{
    const int Writers = 20;

    [Fact]
    public async Task Parallel_writers_get_distinct_increasing_revisions_and_the_highest_revision_wins()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("busy", "a photo of a <*>");
        using var start = new ManualResetEventSlim();

        var writers = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var revision = await db.Rooms.SetWeightAsync(room.Id, "pig", i, $"user{i}");
            return (Writer: i, Revision: revision);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(writers);

        var revisions = results.Select(r => r.Revision).Order().ToList();
        Assert.Equal(Enumerable.Range(2, Writers).Select(r => (long)r), revisions);
        var last = results.MaxBy(r => r.Revision);
        var stored = (await db.Rooms.GetAsync(room.Id)).Weights.Single();
        Assert.Equal((double)last.Writer, stored.Weight);
        Assert.Equal($"user{last.Writer}", stored.UpdatedBy);
        Assert.Equal(last.Revision, stored.Revision);
        Assert.Equal(1L + Writers, (await db.Rooms.GetAsync(room.Id)).Revision);
    }

    [Fact]
    public async Task Parallel_writers_on_different_keys_and_the_template_lose_no_edit()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("busy", "a photo of a <*>");
        string[] keys = ["pig", "sheep", "snake", "fox"];

        var tasks = Enumerable.Range(0, Writers).Select(i => Task.Run(() => i % 5 == 4
            ? db.Rooms.SetTemplateAsync(room.Id, $"take {i} of a <*>", $"user{i}")
            : db.Rooms.SetWeightAsync(room.Id, keys[i % 5], i, $"user{i}"))).ToList();
        var revisions = await Task.WhenAll(tasks);

        Assert.Equal(Writers, revisions.Distinct().Count());
        var loaded = await db.Rooms.GetAsync(room.Id);
        Assert.Equal(1L + Writers, loaded.Revision);
        Assert.Equal(keys.Order(), loaded.Weights.Select(w => w.Key).Order());
        foreach (var w in loaded.Weights)
        {
            var writersOfKey = Enumerable.Range(0, Writers).Where(i => i % 5 != 4 && keys[i % 5] == w.Key);
            var winner = writersOfKey.MaxBy(i => revisions[i]);
            Assert.Equal((double)winner, w.Weight);
            Assert.Equal(revisions[winner], w.Revision);
        }
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class RoomConcurrencyOnSqliteTests() : RoomConcurrencyTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class RoomConcurrencyOnPostgresTests() : RoomConcurrencyTests(StudioDatabaseProvider.Postgres);
