using DisTok.Data.Stores;
using DisTok.Data.Validation;

namespace DisTok.Data.Tests.Stores;

/// <summary>Only whoever made a token, link or study (or an administrator) changes it; a refused call stores nothing.</summary>
public abstract class OwnershipTests(StudioDatabaseProvider provider)
{
    static readonly StudioActor Ann = new("account:ann", false), Bob = new("client:bob", false), Admin = new("account:root", true);

    [Fact]
    public async Task A_token_is_edited_and_deleted_only_by_its_owner_or_an_administrator()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var saved = await db.Library.SaveAsync(Samples.PigSheep(), "ann's", null, ["a"], "ann", null, owner: Ann.Owner);

        var edit = await Assert.ThrowsAsync<StudioForbiddenException>(() => db.Library.UpdateAsync(saved.Id, "bob's now", null, [], Bob));
        Assert.Contains("only whoever made this token", edit.Message);
        await Assert.ThrowsAsync<StudioForbiddenException>(() => db.Library.DeleteAsync(saved.Id, Bob));
        await Assert.ThrowsAsync<StudioForbiddenException>(() => db.Library.DeleteAsync(saved.Id, new StudioActor(null, false)));
        var still = await db.Library.GetAsync(saved.Id);
        Assert.Equal("ann's", still.Name);
        Assert.Equal(["a"], still.TagNames);

        Assert.Equal("ann again", (await db.Library.UpdateAsync(saved.Id, "ann again", null, [], Ann)).Name);
        Assert.Equal("admin's edit", (await db.Library.UpdateAsync(saved.Id, "admin's edit", null, [], Admin)).Name);
        await db.Library.DeleteAsync(saved.Id, Ann);
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Library.GetAsync(saved.Id));
    }

    [Fact]
    public async Task A_token_from_before_owners_were_recorded_is_changed_by_administrators_only()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var old = await db.Library.SaveAsync(Samples.PigSheep(), "old", null, [], null, null);
        await Assert.ThrowsAsync<StudioForbiddenException>(() => db.Library.DeleteAsync(old.Id, Ann));
        await db.Library.DeleteAsync(old.Id, Admin);
    }

    [Fact]
    public async Task Links_are_listed_to_their_maker_and_revoked_only_by_them_or_an_administrator()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var token = await db.Library.SaveAsync(Samples.PigSheep(), "t", null, [], null, null, owner: Ann.Owner);
        var anns = await db.Links.CreateForTokensAsync([token.Id], "ann's link", owner: Ann.Owner);
        var bobs = await db.Links.CreateForTokensAsync([token.Id], "bob's link", owner: Bob.Owner);

        Assert.Equal(["ann's link"], (await db.Links.ListAsync(Ann)).Select(l => l.Title));
        Assert.Equal(["bob's link"], (await db.Links.ListAsync(Bob)).Select(l => l.Title));
        Assert.Equal(2, (await db.Links.ListAsync(Admin)).Count);
        Assert.Empty(await db.Links.ListAsync(new StudioActor(null, false)));

        await Assert.ThrowsAsync<StudioForbiddenException>(() => db.Links.RevokeAsync(anns.Id, Bob));
        Assert.Equal(ShareLinkStatus.Ok, (await db.Links.ResolveAsync(anns.Id)).Status);
        await db.Links.RevokeAsync(anns.Id, Ann);
        await db.Links.RevokeAsync(bobs.Id, Admin);
        Assert.Equal(ShareLinkStatus.Revoked, (await db.Links.ResolveAsync(anns.Id)).Status);
        Assert.Equal(ShareLinkStatus.Revoked, (await db.Links.ResolveAsync(bobs.Id)).Status);
    }

    [Fact]
    public async Task A_room_is_renamed_only_by_its_maker_or_an_administrator_and_a_refusal_keeps_its_revision()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var room = await db.Rooms.CreateAsync("ann's room", "a photo of a <*>", "ann", owner: Ann.Owner);

        await Assert.ThrowsAsync<StudioForbiddenException>(() => db.Rooms.RenameAsync(room.Id, "taken", "bob", Bob));
        var after = await db.Rooms.GetAsync(room.Id);
        Assert.Equal(("ann's room", room.Revision), (after.Name, after.Revision));

        Assert.Equal(room.Revision + 1, await db.Rooms.RenameAsync(room.Id, "blends", "ann", Ann));
        await db.Rooms.RenameAsync(room.Id, "checked", "root", Admin);
        Assert.Equal("checked", (await db.Rooms.GetAsync(room.Id)).Name);
        await db.Rooms.SetWeightAsync(room.Id, "pig", 50, "bob");          // co-editing stays open to everyone
    }

    [Fact]
    public async Task A_study_opens_to_its_key_its_maker_and_administrators_and_no_one_else()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var draft = new StudyDraft("Blends", "Which is more creative?", "I agree.", "a photo of a <*>", 3, true, 7,
            [new StudyArmDraft("a", "distok"), new StudyArmDraft("b", "plain_prompt")], ["pig=0.5,sheep=0.5"]);
        var study = await db.Studies.CreateAsync(draft, owner: Ann.Owner);

        Assert.Equal(study.Id, (await db.Studies.GetOwnedAsync(study.Id, study.OwnerKey, Bob)).Id);
        Assert.Equal(study.Id, (await db.Studies.GetOwnedAsync(study.Id, null, Ann)).Id);
        Assert.Equal(study.Id, (await db.Studies.GetOwnedAsync(study.Id, null, Admin)).Id);
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Studies.GetOwnedAsync(study.Id, "wrong-key", Bob));
        Assert.Equal([study.Id], (await db.Studies.ListOwnedAsync(Ann)).Select(s => s.Id));
        Assert.Empty(await db.Studies.ListOwnedAsync(Bob));
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class OwnershipOnSqliteTests() : OwnershipTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class OwnershipOnPostgresTests() : OwnershipTests(StudioDatabaseProvider.Postgres);
