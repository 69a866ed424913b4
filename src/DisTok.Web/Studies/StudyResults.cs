using DisTok.Core.Study;
using DisTok.Data.Entities;

namespace DisTok.Web.Studies;

/// <summary>One participant's voting, with the reasons their votes look unreliable (if any).</summary>
/// <param name="ParticipantId">The participant (shown shortened).</param>
/// <param name="Votes">Votes cast.</param>
/// <param name="LeftShare">Share of decided votes that chose the left image.</param>
/// <param name="MedianResponseMs">Median time from seeing a battle to voting.</param>
/// <param name="Flags">Why the votes look anomalous; empty when they don't.</param>
public sealed record ParticipantSummary(string ParticipantId, int Votes, double LeftShare, double MedianResponseMs, IReadOnlyList<string> Flags);

/// <summary>A study's results: the Win:Loss:Tie table with Wilson intervals, Bradley–Terry strengths with participant-bootstrap
/// intervals, and per-participant summaries with anomaly flags.</summary>
public sealed record StudyResults(IReadOnlyList<string> ArmNames, int Votes, IReadOnlyList<PairTally> Pairs, IReadOnlyList<ArmStrength> Strengths,
    IReadOnlyList<ParticipantSummary> Participants)
{
    /// <summary>Faster than this (ms) a vote cannot follow looking at two images; the median below it flags a participant.</summary>
    public const int TooFastMs = 700;

    /// <summary>Bootstrap resamples.</summary>
    public const int Resamples = 1000;

    /// <summary>Computes the results of a study's votes (the bootstrap is seeded, so the same votes give the same page).</summary>
    public static StudyResults Of(Study study, IReadOnlyList<StudyBattle> votes, IReadOnlyList<Judgement> judgements)
    {
        var names = study.Arms.OrderBy(a => a.Index).Select(a => a.Name).ToList();
        var strengths = judgements.Count == 0
            ? names.Select((_, i) => new ArmStrength(i, 0, 0, 0)).ToList()
            : StudyStatistics.Strengths(judgements, names.Count, Resamples, seed: 1);
        var participants = votes.GroupBy(v => v.ParticipantId).Select(g =>
        {
            var decided = g.Where(v => v.Choice is StudyChoice.Left or StudyChoice.Right).ToList();
            double leftShare = decided.Count == 0 ? 0 : decided.Count(v => v.Choice == StudyChoice.Left) / (double)decided.Count;
            double median = StudyStatistics.Quantile(g.Select(v => (double)(v.ResponseMs ?? 0)).ToArray(), 0.5);
            var flags = new List<string>();
            if (decided.Count >= 5 && (leftShare >= 0.9 || leftShare <= 0.1)) flags.Add($"always {(leftShare >= 0.9 ? "left" : "right")}");
            if (g.Count() >= 3 && median < TooFastMs) flags.Add($"median answer in {median:0} ms");
            return new ParticipantSummary(g.Key, g.Count(), leftShare, median, flags);
        }).OrderBy(p => p.ParticipantId, StringComparer.Ordinal).ToList();
        return new StudyResults(names, votes.Count, StudyStatistics.Tally(judgements), strengths, participants);
    }
}
