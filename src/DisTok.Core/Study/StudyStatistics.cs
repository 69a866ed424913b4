namespace DisTok.Core.Study;

/// <summary>Win:Loss:Tie counts between two arms, as the paper's table shows them.</summary>
/// <param name="ArmA">One arm.</param>
/// <param name="ArmB">The other arm.</param>
/// <param name="Wins">A judged better.</param>
/// <param name="Losses">B judged better.</param>
/// <param name="Ties">Judged equal.</param>
/// <param name="BothBad">Neither acceptable.</param>
/// <param name="WinRate">A's wins over wins + losses, with its Wilson 95 % interval.</param>
public sealed record PairTally(int ArmA, int ArmB, int Wins, int Losses, int Ties, int BothBad, WilsonInterval WinRate);

/// <summary>An arm's Bradley–Terry strength θ (mean 0) with its participant-bootstrap 95 % interval.</summary>
public sealed record ArmStrength(int Arm, double Theta, double Lower, double Upper);

/// <summary>
/// The statistics of a study: Win:Loss:Tie per arm pair with Wilson intervals, Bradley–Terry strengths, and their
/// uncertainty from a bootstrap over participants (one participant's votes are not independent of each other, so
/// whole participants are resampled, not single votes).
/// </summary>
public static class StudyStatistics
{
    /// <summary>Counts per unordered arm pair (lower arm index first), pairs without votes left out.</summary>
    public static IReadOnlyList<PairTally> Tally(IEnumerable<Judgement> judgements)
    {
        var counts = new Dictionary<(int, int), int[]>();
        foreach (var j in judgements)
        {
            Check(j);
            bool flipped = j.ArmA > j.ArmB;
            var key = flipped ? (j.ArmB, j.ArmA) : (j.ArmA, j.ArmB);
            var c = counts.TryGetValue(key, out var existing) ? existing : counts[key] = new int[4];
            var outcome = flipped ? j.Outcome switch { JudgementOutcome.AWins => JudgementOutcome.BWins, JudgementOutcome.BWins => JudgementOutcome.AWins, var o => o } : j.Outcome;
            c[(int)outcome]++;
        }
        return counts.OrderBy(kv => kv.Key).Select(kv =>
        {
            var c = kv.Value;
            return new PairTally(kv.Key.Item1, kv.Key.Item2, c[0], c[1], c[2], c[3], WilsonInterval.Of(c[0], c[0] + c[1]));
        }).ToList();
    }

    /// <summary>The win matrix of <see cref="BradleyTerry.Fit"/>: wins[i, j] = i beat j; a tie adds 0.5 to both; both-bad adds nothing.</summary>
    public static double[,] WinMatrix(IEnumerable<Judgement> judgements, int arms)
    {
        var wins = new double[arms, arms];
        foreach (var j in judgements)
        {
            Check(j);
            if (j.ArmA >= arms || j.ArmB >= arms) throw new ArgumentException($"arm {Math.Max(j.ArmA, j.ArmB)} is outside 0..{arms - 1}");
            switch (j.Outcome)
            {
                case JudgementOutcome.AWins: wins[j.ArmA, j.ArmB]++; break;
                case JudgementOutcome.BWins: wins[j.ArmB, j.ArmA]++; break;
                case JudgementOutcome.Tie: wins[j.ArmA, j.ArmB] += 0.5; wins[j.ArmB, j.ArmA] += 0.5; break;
            }
        }
        return wins;
    }

    /// <summary>Bradley–Terry θ per arm with percentile intervals from <paramref name="resamples"/> bootstrap fits, each on
    /// participants drawn with replacement. The same seed gives the same intervals.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 arms, resamples outside 10..100000, or a malformed judgement.</exception>
    public static IReadOnlyList<ArmStrength> Strengths(IReadOnlyList<Judgement> judgements, int arms, int resamples = 1000, int seed = 0)
    {
        if (arms < 2) throw new ArgumentException($"need at least 2 arms, got {arms}");
        if (resamples is < 10 or > 100_000) throw new ArgumentException($"resamples must be between 10 and 100000, got {resamples}");
        var theta = BradleyTerry.Fit(WinMatrix(judgements, arms));
        var byParticipant = judgements.GroupBy(j => j.Participant, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList()).ToList();
        if (byParticipant.Count == 0) return theta.Select((t, i) => new ArmStrength(i, t, t, t)).ToList();

        var rng = new Random(seed);
        var draws = new double[arms][];
        for (int a = 0; a < arms; a++) draws[a] = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            var sample = Enumerable.Range(0, byParticipant.Count).SelectMany(_ => byParticipant[rng.Next(byParticipant.Count)]);
            var fit = BradleyTerry.Fit(WinMatrix(sample, arms));
            for (int a = 0; a < arms; a++) draws[a][b] = fit[a];
        }
        return theta.Select((t, a) => new ArmStrength(a, t, Quantile(draws[a], 0.025), Quantile(draws[a], 0.975))).ToList();
    }

    /// <summary>The q-quantile by linear interpolation between order statistics (type 7).</summary>
    public static double Quantile(double[] values, double q)
    {
        if (values.Length == 0) throw new ArgumentException("no values");
        var sorted = values.Order().ToArray();
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h), hi = (int)Math.Ceiling(h);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static void Check(Judgement j)
    {
        if (j.ArmA < 0 || j.ArmB < 0 || j.ArmA == j.ArmB) throw new ArgumentException($"a battle needs two different arms, got {j.ArmA} and {j.ArmB}");
        if (!Enum.IsDefined(j.Outcome)) throw new ArgumentException($"unknown outcome {(int)j.Outcome}");
    }
}
