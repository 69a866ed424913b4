using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;

namespace DisTok.Web.Studies;

/// <summary>
/// Votes as the web app takes them (page or API): a per-participant rate limit, the store's checks, and a
/// <see cref="VoteRecorded"/> notice after each commit so results pages update live.
/// </summary>
public sealed class StudyVotes(StudyParticipation participation, TimeProvider clock)
{
    /// <summary>Shortest time between two votes of one participant.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);

    readonly VoteRateLimit _limit = new(MinInterval);

    /// <summary>Raised with the study id after a vote is committed.</summary>
    public event Action<string>? VoteRecorded;

    /// <summary>Records a vote; returns once it is committed.</summary>
    /// <exception cref="StudioValidationException">Too fast, already answered, or the study is not open.</exception>
    /// <exception cref="StudioNotFoundException">Not a participant, or not their battle.</exception>
    public async Task VoteAsync(string studyId, string participantId, string battleId, StudyChoice choice, int responseMs, CancellationToken ct = default)
    {
        if (!_limit.TryTake(participantId, clock.GetUtcNow()))
            throw new StudioValidationException("vote", $"votes are coming too fast; wait {MinInterval.TotalMilliseconds:0} ms between votes");
        await participation.VoteAsync(studyId, participantId, battleId, choice, responseMs, ct);
        VoteRecorded?.Invoke(studyId);
    }
}
