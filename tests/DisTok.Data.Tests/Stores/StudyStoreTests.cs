using DisTok.Core.Study;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Tests.Stores;

public abstract class StudyStoreTests(StudioDatabaseProvider provider)
{
    static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    static StudyDraft Draft(int arms = 2, int items = 2, int judgements = 3) => new(
        "Blends", "Which image is the more creative blend?", "I agree to take part.", "a photo of a <*>", judgements, true, 7,
        Enumerable.Range(0, arms).Select(i => new StudyArmDraft($"arm {i}", i == 0 ? "distok" : "plain_prompt")).ToList(),
        Enumerable.Range(0, items).Select(i => i % 2 == 0 ? "pig=0.5,sheep=0.5" : "owl=0.5,fox=0.5").ToList());

    static async Task<Study> OpenStudyAsync(StudioDatabase db, int arms = 2, int items = 2, int judgements = 3)
    {
        var study = await db.Studies.CreateAsync(Draft(arms, items, judgements));
        await db.Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Rendering);
        for (int a = 0; a < arms; a++)
            for (int i = 0; i < items; i++) await db.Studies.SaveImageAsync(study.Id, a, i, Png);
        return await db.Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Open);
    }

    [Fact]
    public async Task A_study_is_drafted_rendered_opened_and_closed_by_its_owner_only()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var study = await db.Studies.CreateAsync(Draft());
        Assert.Equal(StudyStatus.Draft, study.Status);
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Studies.SetStatusAsync(study.Id, "AAAAAAAAAAAAAAAAAAAAAA", StudyStatus.Rendering));
        var e = await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Open));
        Assert.Contains("draft cannot become open", e.Message);

        await db.Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Rendering);
        Assert.Equal(4, (await db.Studies.MissingImagesAsync(study.Id)).Count);
        await db.Studies.SaveImageAsync(study.Id, 0, 0, Png);
        e = await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Open));
        Assert.Contains("3 of 4 images are not rendered yet", e.Message);
        foreach (var (a, i) in await db.Studies.MissingImagesAsync(study.Id)) await db.Studies.SaveImageAsync(study.Id, a, i, Png);
        Assert.Equal(StudyStatus.Open, (await db.Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Open)).Status);
        Assert.Equal(StudyStatus.Closed, (await db.Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Closed)).Status);
    }

    [Fact]
    public async Task Bad_drafts_are_refused_and_store_nothing()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var before = await db.CountAsync();
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft(arms: 1)));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft(items: 0)));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft(judgements: 51)));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft() with { Question = new string('q', 301) }));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft() with { Consent = new string('c', 4001) }));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft() with { Template = "no placeholder" }));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft() with { Arms = [new("a", "distok"), new("b", "magic")] }));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft() with { Arms = [new("a", "distok"), new("A", "plain_prompt")] }));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Studies.CreateAsync(Draft() with { Arms = [new("a", "distok"), new("b", "library_token")] }));
        await using var ctx = await db.ContextAsync();
        Assert.Equal(0, await ctx.Studies.CountAsync());
        Assert.Equal(before, await db.CountAsync());
    }

    [Fact]
    public async Task A_participant_gets_balanced_blind_battles_and_each_vote_counts_once()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var study = await OpenStudyAsync(db, arms: 3, items: 2, judgements: 3);
        var me = await db.Participation.JoinAsync(study.Id, "127.0.0.1", Guid.NewGuid().ToString());
        var battles = await db.Participation.BattlesAsync(study.Id, me);
        Assert.Equal([1, 2, 3], battles.Select(b => b.Ordinal));
        Assert.All(battles, b => Assert.NotEqual(b.LeftImageId, b.RightImageId));

        await db.Participation.VoteAsync(study.Id, me, battles[0].Id, StudyChoice.Left, 1500);
        var again = await Assert.ThrowsAsync<StudioValidationException>(() => db.Participation.VoteAsync(study.Id, me, battles[0].Id, StudyChoice.Right, 10));
        Assert.Contains("already answered", again.Message);
        var judgements = await db.Participation.JudgementsAsync(study.Id);
        var j = Assert.Single(judgements);
        Assert.Equal(JudgementOutcome.AWins, j.Outcome);
        Assert.Equal(me, j.Participant);
    }

    [Fact]
    public async Task Votes_on_others_battles_forged_ids_and_closed_studies_are_refused_and_record_nothing()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var study = await OpenStudyAsync(db);
        var ann = await db.Participation.JoinAsync(study.Id, "10.0.0.1", Guid.NewGuid().ToString());
        var bob = await db.Participation.JoinAsync(study.Id, "10.0.0.2", Guid.NewGuid().ToString());
        var annBattle = (await db.Participation.BattlesAsync(study.Id, ann))[0];
        var bobBattle = (await db.Participation.BattlesAsync(study.Id, bob))[0];

        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Participation.VoteAsync(study.Id, ann, bobBattle.Id, StudyChoice.Left, 100));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Participation.VoteAsync(study.Id, "AAAAAAAAAAAAAAAAAAAAAA", annBattle.Id, StudyChoice.Left, 100));
        await Assert.ThrowsAsync<StudioNotFoundException>(() => db.Participation.VoteAsync(study.Id, ann, "tampered", StudyChoice.Left, 100));
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Participation.VoteAsync(study.Id, ann, annBattle.Id, (StudyChoice)9, 100));
        await db.Studies.SetStatusAsync(study.Id, study.OwnerKey, StudyStatus.Closed);
        var closed = await Assert.ThrowsAsync<StudioValidationException>(() => db.Participation.VoteAsync(study.Id, ann, annBattle.Id, StudyChoice.Left, 100));
        Assert.Contains("closed", closed.Message);
        await Assert.ThrowsAsync<StudioValidationException>(() => db.Participation.JoinAsync(study.Id, "10.0.0.3", Guid.NewGuid().ToString()));
        Assert.Empty(await db.Participation.VotesAsync(study.Id));
    }

    [Fact]
    public async Task One_address_may_start_only_so_many_participations()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var study = await OpenStudyAsync(db, judgements: 1);
        for (int i = 0; i < StudyLimits.MaxParticipantsPerAddress; i++) await db.Participation.JoinAsync(study.Id, "192.0.2.1", Guid.NewGuid().ToString());
        var e = await Assert.ThrowsAsync<StudioValidationException>(() => db.Participation.JoinAsync(study.Id, "192.0.2.1", Guid.NewGuid().ToString()));
        Assert.Contains($"already started {StudyLimits.MaxParticipantsPerAddress}", e.Message);
        await db.Participation.JoinAsync(study.Id, "192.0.2.2", Guid.NewGuid().ToString());
    }

    [Fact]
    public async Task The_same_browser_gets_its_participation_back()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var study = await OpenStudyAsync(db);
        Assert.Null(await db.Participation.FindAsync(study.Id, "browser-1"));
        var first = await db.Participation.JoinAsync(study.Id, "127.0.0.1", "browser-1");
        Assert.Equal(first, await db.Participation.JoinAsync(study.Id, "127.0.0.1", "browser-1"));
        Assert.Equal(first, await db.Participation.FindAsync(study.Id, "browser-1"));
        Assert.NotEqual(first, await db.Participation.JoinAsync(study.Id, "127.0.0.1", "browser-2"));
    }

    [Fact]
    public async Task Acknowledged_votes_survive_a_restart()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var study = await OpenStudyAsync(db);
        var me = await db.Participation.JoinAsync(study.Id, "127.0.0.1", Guid.NewGuid().ToString());
        var battles = await db.Participation.BattlesAsync(study.Id, me);
        await db.Participation.VoteAsync(study.Id, me, battles[0].Id, StudyChoice.Tie, 900);
        await db.RestartAsync();
        var votes = await db.Participation.VotesAsync(study.Id);
        Assert.Equal(StudyChoice.Tie, Assert.Single(votes).Choice);
        Assert.Equal(900, votes[0].ResponseMs);
    }

    [Fact]
    public async Task Thirty_participants_voting_at_once_lose_no_vote_and_count_none_twice()
    {
        await using var db = await StudioDatabase.CreateAsync(provider);
        var study = await OpenStudyAsync(db, arms: 3, items: 4, judgements: 5);
        int acknowledged = 0, refused = 0;
        await Task.WhenAll(Enumerable.Range(0, 30).Select(async p =>
        {
            var me = await db.Participation.JoinAsync(study.Id, $"10.1.0.{p}", Guid.NewGuid().ToString());
            foreach (var b in await db.Participation.BattlesAsync(study.Id, me))
            {
                await db.Participation.VoteAsync(study.Id, me, b.Id, (StudyChoice)(p % 4), 800);
                Interlocked.Increment(ref acknowledged);
                // A double submit (a second click) is refused and changes nothing.
                try { await db.Participation.VoteAsync(study.Id, me, b.Id, StudyChoice.Left, 1); }
                catch (StudioValidationException) { Interlocked.Increment(ref refused); }
            }
        }));
        Assert.Equal(150, acknowledged);
        Assert.Equal(150, refused);
        Assert.Equal(150, (await db.Participation.VotesAsync(study.Id)).Count);
    }
}

/// <summary>The tests above on a SQLite file.</summary>
public sealed class StudyStoreOnSqliteTests() : StudyStoreTests(StudioDatabaseProvider.Sqlite);

/// <summary>The tests above on a PostgreSQL database (scripts/services.sh starts the server).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class StudyStoreOnPostgresTests() : StudyStoreTests(StudioDatabaseProvider.Postgres);
