using System.Security.Cryptography;
using System.Text;
using DisTok.Core.Study;
using DisTok.Data.Entities;
using DisTok.Data.Storage;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Stores;

/// <summary>A battle as a participant's page gets it: no arm, only the two images' random ids.</summary>
/// <param name="Id">The battle's id (what the vote names).</param>
/// <param name="Ordinal">1-based place in the participant's sequence.</param>
/// <param name="ItemIndex">The item, for the question's wording.</param>
/// <param name="LeftImageId">The left image's random id.</param>
/// <param name="RightImageId">The right image's random id.</param>
/// <param name="Choice">The vote, once cast.</param>
public sealed record BlindBattle(string Id, int Ordinal, int ItemIndex, string LeftImageId, string RightImageId, StudyChoice? Choice);

/// <summary>
/// Participants' side of a study: joining (which plans their balanced battles), their battles, and voting. A vote is
/// accepted only for an unanswered battle of the voter in an open study, and is committed before the call returns.
/// </summary>
public sealed class StudyParticipation(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    /// <summary>The participant id of a browser (by its client id) in a study, or null when it has not joined.</summary>
    public async Task<string?> FindAsync(string studyId, string clientId, CancellationToken ct = default)
    {
        var hash = Hash(studyId, "client", clientId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StudyParticipants.Where(p => p.StudyId == studyId && p.ClientHash == hash).Select(p => p.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>Joins an open study: a new participant with their battles planned; returns the participant's id. A browser
    /// that joined before gets its participation back.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="address">The caller's network address (only a salted hash is stored, for the per-address limit).</param>
    /// <param name="clientId">The browser's client id (only a salted hash is stored).</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="StudioNotFoundException">No such study.</exception>
    /// <exception cref="StudioValidationException">The study is not open, or the address started too many participants.</exception>
    public async Task<string> JoinAsync(string studyId, string address, string clientId, CancellationToken ct = default)
    {
        if (!UnguessableId.IsWellFormed(studyId)) throw new StudioNotFoundException("study not found");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WriteTransaction.RunAsync(db, async () =>
        {
            var study = await db.Studies.AsNoTracking().Include(s => s.Arms).Include(s => s.Items).AsSplitQuery()
                .SingleOrDefaultAsync(s => s.Id == studyId, ct) ?? throw new StudioNotFoundException("study not found");
            if (study.Status != StudyStatus.Open) throw new StudioValidationException("study", $"this study is {study.Status.ToString().ToLowerInvariant()}, not open for votes");
            var clientHash = Hash(studyId, "client", clientId);
            if (await db.StudyParticipants.Where(p => p.StudyId == studyId && p.ClientHash == clientHash).Select(p => p.Id).SingleOrDefaultAsync(ct) is { } known)
                return known;
            var hash = Hash(studyId, "address", address);
            if (await db.StudyParticipants.CountAsync(p => p.StudyId == studyId && p.AddressHash == hash, ct) >= StudyLimits.MaxParticipantsPerAddress)
                throw new StudioValidationException("participant", $"this address has already started {StudyLimits.MaxParticipantsPerAddress} participations in this study");
            var given = (await db.StudyBattles.Where(b => b.StudyId == studyId).Select(b => new { b.ItemIndex, b.LeftArm, b.RightArm }).ToListAsync(ct))
                .GroupBy(b => (b.ItemIndex, Math.Min(b.LeftArm, b.RightArm), Math.Max(b.LeftArm, b.RightArm))).ToDictionary(g => g.Key, g => g.Count());
            var participant = new StudyParticipant { Id = UnguessableId.New(), StudyId = studyId, AddressHash = hash, ClientHash = clientHash, JoinedUtc = clock.GetUtcNow() };
            db.StudyParticipants.Add(participant);
            var plan = BattlePlanner.Plan(study.Items.Count, study.Arms.Count, study.JudgementsPerParticipant, given, new Random(RandomNumberGenerator.GetInt32(int.MaxValue)));
            for (int k = 0; k < plan.Count; k++)
                db.StudyBattles.Add(new StudyBattle
                {
                    Id = UnguessableId.New(), StudyId = studyId, ParticipantId = participant.Id, Ordinal = k + 1,
                    ItemIndex = plan[k].Item, LeftArm = plan[k].LeftArm, RightArm = plan[k].RightArm,
                });
            await db.SaveChangesAsync(ct);
            return participant.Id;
        }, ct);
    }

    /// <summary>The participant's battles in order, blind.</summary>
    /// <exception cref="StudioNotFoundException">No such participant in this study.</exception>
    public async Task<IReadOnlyList<BlindBattle>> BattlesAsync(string studyId, string? participantId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await RequireParticipantAsync(db, studyId, participantId, ct);
        var battles = await db.StudyBattles.AsNoTracking().Where(b => b.ParticipantId == participantId).OrderBy(b => b.Ordinal).ToListAsync(ct);
        var images = (await db.StudyImages.AsNoTracking().Where(i => i.StudyId == studyId).Select(i => new { i.Id, i.ArmIndex, i.ItemIndex }).ToListAsync(ct))
            .ToDictionary(i => (i.ArmIndex, i.ItemIndex), i => i.Id);
        return battles.Select(b => new BlindBattle(b.Id, b.Ordinal, b.ItemIndex, images[(b.LeftArm, b.ItemIndex)], images[(b.RightArm, b.ItemIndex)], b.Choice)).ToList();
    }

    /// <summary>Records a vote and commits it; only then does the call return.</summary>
    /// <exception cref="StudioNotFoundException">Unknown participant, or the battle is not one of theirs.</exception>
    /// <exception cref="StudioValidationException">The battle was already answered, or the study is not open.</exception>
    public async Task VoteAsync(string studyId, string? participantId, string? battleId, StudyChoice choice, int responseMs, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(choice)) throw new StudioValidationException("choice", $"unknown choice {(int)choice}");
        if (!UnguessableId.IsWellFormed(battleId)) throw new StudioNotFoundException("that battle is not one of yours");
        await using var db = await contexts.CreateDbContextAsync(ct);
        await WriteTransaction.RunAsync(db, async () =>
        {
            await RequireParticipantAsync(db, studyId, participantId, ct);
            var status = await db.Studies.Where(s => s.Id == studyId).Select(s => s.Status).SingleAsync(ct);
            if (status != StudyStatus.Open) throw new StudioValidationException("study", $"this study is {status.ToString().ToLowerInvariant()}; votes are no longer taken");
            var battle = await db.StudyBattles.SingleOrDefaultAsync(b => b.Id == battleId && b.ParticipantId == participantId, ct)
                ?? throw new StudioNotFoundException("that battle is not one of yours");
            if (battle.Choice is not null) throw new StudioValidationException("battle", "you already answered this battle; a vote cannot be changed");
            battle.Choice = choice;
            battle.VotedUtc = clock.GetUtcNow();
            battle.ResponseMs = Math.Clamp(responseMs, 0, StudyLimits.MaxResponseMs);
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>Every vote of the study with arms resolved, for the statistics.</summary>
    public async Task<IReadOnlyList<Judgement>> JudgementsAsync(string studyId, CancellationToken ct = default)
    {
        var votes = await VotesAsync(studyId, ct);
        return votes.Select(v => new Judgement(v.ParticipantId, v.LeftArm, v.RightArm, v.Choice!.Value switch
        {
            StudyChoice.Left => JudgementOutcome.AWins,
            StudyChoice.Right => JudgementOutcome.BWins,
            StudyChoice.Tie => JudgementOutcome.Tie,
            _ => JudgementOutcome.BothBad,
        })).ToList();
    }

    /// <summary>Every answered battle of the study (raw votes, for export and the anomaly checks), in voting order.</summary>
    public async Task<IReadOnlyList<StudyBattle>> VotesAsync(string studyId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StudyBattles.AsNoTracking().Where(b => b.StudyId == studyId && b.Choice != null)
            .OrderBy(b => b.VotedUtc).ThenBy(b => b.Id).ToListAsync(ct);
    }

    static async Task RequireParticipantAsync(StudioDbContext db, string studyId, string? participantId, CancellationToken ct)
    {
        if (!UnguessableId.IsWellFormed(participantId) || !await db.StudyParticipants.AnyAsync(p => p.Id == participantId && p.StudyId == studyId, ct))
            throw new StudioNotFoundException("you are not a participant of this study (the link or cookie is not valid)");
    }

    static string Hash(string studyId, string what, string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"distok-study|{studyId}|{what}|{value}")));
}
