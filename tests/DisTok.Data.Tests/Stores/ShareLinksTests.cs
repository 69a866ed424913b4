using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;

namespace DisTok.Data.Tests.Stores;

public abstract class ShareLinksTests(StudioDatabaseProvider provider)
{
    [Fact]
    public async Task A_token_link_resolves_to_its_tokens_in_order_then_says_revoked()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var a = await db.Library.SaveAsync(Samples.PigSheep(), "a", null, ["t"], null, null);
        var b = await db.Library.SaveAsync(Samples.FromPrior(), "b", null, [], null, null);

        var one = await db.Links.CreateForTokensAsync([a.Id], "just a");
        var set = await db.Links.CreateForTokensAsync([b.Id, a.Id, b.Id], "b then a");

        Assert.Equal(ShareLinkKind.Token, one.Kind);
        Assert.Equal(ShareLinkKind.TokenSet, set.Kind);
        var resolved = await db.Links.ResolveAsync(set.Id);
        Assert.Equal(ShareLinkStatus.Ok, resolved.Status);
        Assert.Equal("b then a", resolved.Link!.Title);
        Assert.Equal([b.Id, a.Id], resolved.Tokens.Select(t => t.Id));
        Assert.Equal(["t"], resolved.Tokens[1].TagNames);
        Assert.Null(resolved.Snapshot);

        await db.Links.RevokeAsync(set.Id, StudioActor.Administrator);
        var revoked = await db.Links.ResolveAsync(set.Id);
        Assert.Equal(ShareLinkStatus.Revoked, revoked.Status);
        Assert.Equal("b then a", revoked.Link!.Title);
        Assert.NotNull(revoked.Link.RevokedUtc);
        Assert.Empty(revoked.Tokens);
        Assert.Equal(ShareLinkStatus.Ok, (await db.Links.ResolveAsync(one.Id)).Status);

        await db.Links.RevokeAsync(set.Id, StudioActor.Administrator);
        Assert.Equal(revoked.Link.RevokedUtc, (await db.Links.ResolveAsync(set.Id)).Link!.RevokedUtc);
    }

    [Fact]
    public async Task Links_are_listed_newest_first_with_their_revocation()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var a = await db.Library.SaveAsync(Samples.PigSheep(), "a", null, [], null, null);
        var first = await db.Links.CreateForTokensAsync([a.Id], "first");
        var second = await db.Links.CreateForTokensAsync([a.Id], "second");
        await db.Links.RevokeAsync(first.Id, StudioActor.Administrator);

        var listed = await db.Links.ListAsync(StudioActor.Administrator);
        Assert.Equal([second.Id, first.Id], listed.Select(l => l.Id).ToArray());
        Assert.Null(listed[0].RevokedUtc);
        Assert.NotNull(listed[1].RevokedUtc);
        Assert.Single(await db.Links.ListAsync(StudioActor.Administrator, take: 1));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Links.ListAsync(StudioActor.Administrator, take: 0));
    }

    [Fact]
    public async Task A_deleted_token_drops_out_of_its_link()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var a = await db.Library.SaveAsync(Samples.PigSheep(), "a", null, [], null, null);
        var b = await db.Library.SaveAsync(Samples.FromPrior(), "b", null, [], null, null);
        var link = await db.Links.CreateForTokensAsync([a.Id, b.Id], "both");
        await db.Library.DeleteAsync(a.Id, StudioActor.Administrator);
        Assert.Equal([b.Id], (await db.Links.ResolveAsync(link.Id)).Tokens.Select(t => t.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA/A")]
    [InlineData("'; DROP TABLE ShareLinks; --")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_and_junk_ids_resolve_to_unknown_and_cannot_be_revoked(string? id)
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var resolved = await db.Links.ResolveAsync(id);
        Assert.Equal(ShareLinkStatus.Unknown, resolved.Status);
        Assert.Null(resolved.Link);
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Links.RevokeAsync(id!, StudioActor.Administrator));
        Assert.Equal(0, (await db.CountAsync()).Links);
    }

    [Fact]
    public async Task Token_links_refuse_no_ids_too_many_ids_missing_tokens_and_bad_titles_storing_nothing()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var a = await db.Library.SaveAsync(Samples.PigSheep(), "a", null, [], null, null);
        var before = await db.CountAsync();

        Assert.Equal("tokens", (await Assert.ThrowsAsync<StudioValidationException>(() => db.Links.CreateForTokensAsync([], "t"))).Field);
        var many = Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()).ToList();
        Assert.Contains("200", (await Assert.ThrowsAsync<StudioValidationException>(() => db.Links.CreateForTokensAsync(many, "t"))).Message);
        var ghost = Guid.NewGuid();
        Assert.Contains(ghost.ToString(), (await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Links.CreateForTokensAsync([a.Id, ghost], "t"))).Message);
        Assert.Equal("title", (await Assert.ThrowsAsync<StudioValidationException>(() => db.Links.CreateForTokensAsync([a.Id], new string('x', 101)))).Field);

        Assert.Equal(before, await db.CountAsync());
    }

    [Fact]
    public async Task A_room_snapshot_keeps_weights_template_and_the_newest_24_images_as_they_were()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("farm", "a photo of a <*>");
        await db.Rooms.SetWeightAsync(room.Id, "pig", 55, "ada");
        await db.Rooms.SetWeightAsync(room.Id, "sheep", 45, "bo");
        var images = new List<long>();
        for (int i = 0; i < 30; i++) images.Add((await db.Rooms.AddImageAsync(room.Id, Samples.Image(i))).Id);

        var link = await db.Links.CreateForRoomSnapshotAsync(room.Id, "our farm");
        await db.Rooms.SetWeightAsync(room.Id, "pig", 1, "ada");
        await db.Rooms.SetTemplateAsync(room.Id, "a drawing of a <*>", "bo");

        var resolved = await db.Links.ResolveAsync(link.Id);
        Assert.Equal(ShareLinkStatus.Ok, resolved.Status);
        Assert.Equal(ShareLinkKind.RoomSnapshot, resolved.Link!.Kind);
        var snapshot = resolved.Snapshot!;
        Assert.Equal((room.Id, "farm", 3L, "a photo of a <*>"), (snapshot.RoomId, snapshot.RoomName, snapshot.Revision, snapshot.Template));
        Assert.Equal([new RoomSnapshotWeight("pig", 55), new RoomSnapshotWeight("sheep", 45)], snapshot.Weights);
        Assert.Equal(images.AsEnumerable().Reverse().Take(24), snapshot.ImageIds);
        Assert.Empty(resolved.Tokens);

        await db.Links.RevokeAsync(link.Id, StudioActor.Administrator);
        Assert.Equal(ShareLinkStatus.Revoked, (await db.Links.ResolveAsync(link.Id)).Status);
    }

    [Fact]
    public async Task A_snapshot_of_an_unknown_room_is_not_found_and_stores_nothing()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Links.CreateForRoomSnapshotAsync(UnguessableId.New(), "t"));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Links.CreateForRoomSnapshotAsync("../../etc/passwd", "t"));
        Assert.Equal(0, (await db.CountAsync()).Links);
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class ShareLinksOnSqliteTests() : ShareLinksTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class ShareLinksOnPostgresTests() : ShareLinksTests(StudioDatabaseProvider.Postgres);
