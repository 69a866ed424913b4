using DisTok.Core.Study;

namespace DisTok.Core.Tests.Study;

public class StudyStatisticsTests
{
    [Fact]
    public void The_papers_396_to_104_is_79_2_percent_75_4_to_82_5()
    {
        // Hand: p = 0.792, z² = 3.8415, z²/n = 0.0076829; centre = (0.792 + 0.0038415)/1.0076829 = 0.789777;
        // half = 1.96·√(0.164736/500 + 3.8415/10⁶)/1.0076829 = 0.035510 → [0.75427, 0.82529].
        var w = WilsonInterval.Of(396, 500);
        Assert.Equal(0.792, w.Rate, 12);
        Assert.Equal(0.75427, w.Lower, 4);
        Assert.Equal(0.82529, w.Upper, 4);
        Assert.Equal("79.2% [75.4, 82.5]", $"{w.Rate * 100:0.0}% [{w.Lower * 100:0.0}, {w.Upper * 100:0.0}]");
    }

    [Fact]
    public void Wilson_stays_inside_0_1_at_the_edges_and_is_0_1_without_trials()
    {
        var none = WilsonInterval.Of(0, 10);
        Assert.Equal(0, none.Lower);
        // Hand: n = 10, p = 0: upper = (z²/20 + z·√(z²/400))/(1 + z²/10) = 2·0.19207/1.38415 = 0.27753.
        Assert.Equal(0.27753, none.Upper, 4);
        var all = WilsonInterval.Of(10, 10);
        Assert.Equal(1, all.Upper, 12);
        Assert.Equal(1 - 0.27753, all.Lower, 4);
        Assert.Equal((0.0, 1.0), (WilsonInterval.Of(0, 0).Lower, WilsonInterval.Of(0, 0).Upper));
        Assert.Throws<ArgumentException>(() => WilsonInterval.Of(3, 2));
        Assert.Throws<ArgumentException>(() => WilsonInterval.Of(-1, 2));
    }

    [Fact]
    public void Bradley_Terry_recovers_ln_3_from_3_to_1()
    {
        var theta = BradleyTerry.Fit(new double[,] { { 0, 3 }, { 1, 0 } }, priorBattles: 0);
        Assert.Equal(Math.Log(3), theta[0] - theta[1], 8);
        Assert.Equal(0, theta.Sum(), 10);
    }

    [Fact]
    public void Bradley_Terry_recovers_strengths_4_2_1_from_counts_that_fit_them_exactly()
    {
        // π = (4, 2, 1): P(A>B) = 2/3, P(A>C) = 4/5, P(B>C) = 2/3; 30 battles per pair at those rates solve the
        // likelihood equations W_i = Σ_j n_ij π_i/(π_i + π_j), so the MLE is π itself: θ = ln π − mean = (ln 2, 0, −ln 2).
        var wins = new double[,] { { 0, 20, 24 }, { 10, 0, 20 }, { 6, 10, 0 } };
        var theta = BradleyTerry.Fit(wins, priorBattles: 0);
        Assert.Equal(Math.Log(2), theta[0], 8);
        Assert.Equal(0, theta[1], 8);
        Assert.Equal(-Math.Log(2), theta[2], 8);
    }

    [Fact]
    public void The_prior_keeps_a_never_winning_arm_finite_and_shrinks_toward_equal()
    {
        var theta = BradleyTerry.Fit(new double[,] { { 0, 5 }, { 0, 0 } });
        Assert.True(double.IsFinite(theta[1]));
        Assert.True(theta[0] > theta[1]);
        var plain = BradleyTerry.Fit(new double[,] { { 0, 3 }, { 1, 0 } }, priorBattles: 0);
        var shrunk = BradleyTerry.Fit(new double[,] { { 0, 3 }, { 1, 0 } });
        Assert.True(shrunk[0] - shrunk[1] < plain[0] - plain[1]);
    }

    [Fact]
    public void Tallies_fold_both_orders_of_a_pair_and_keep_ties_and_both_bad_apart()
    {
        Judgement[] votes =
        [
            new("p1", 0, 1, JudgementOutcome.AWins),
            new("p1", 1, 0, JudgementOutcome.BWins),   // arm 0 wins again, seen from the other side
            new("p2", 1, 0, JudgementOutcome.AWins),
            new("p2", 0, 1, JudgementOutcome.Tie),
            new("p3", 0, 1, JudgementOutcome.BothBad),
            new("p3", 2, 1, JudgementOutcome.AWins),
        ];
        var tally = StudyStatistics.Tally(votes);
        Assert.Equal(2, tally.Count);
        Assert.Equal(new PairTally(0, 1, 2, 1, 1, 1, WilsonInterval.Of(2, 3)), tally[0]);
        Assert.Equal((1, 2, 0, 1), (tally[1].ArmA, tally[1].ArmB, tally[1].Wins, tally[1].Losses));

        var m = StudyStatistics.WinMatrix(votes, 3);
        Assert.Equal(2.5, m[0, 1]);
        Assert.Equal(1.5, m[1, 0]);
        Assert.Equal(1, m[2, 1]);
    }

    [Fact]
    public void The_participant_bootstrap_is_reproducible_with_a_seed_and_brackets_the_fit()
    {
        var votes = new List<Judgement>();
        for (int p = 0; p < 12; p++)
            for (int v = 0; v < 5; v++)
                votes.Add(new($"p{p}", v % 2, 2, (p + v) % 4 == 0 ? JudgementOutcome.BWins : JudgementOutcome.AWins));
        var a = StudyStatistics.Strengths(votes, 3, resamples: 200, seed: 5);
        var b = StudyStatistics.Strengths(votes, 3, resamples: 200, seed: 5);
        var c = StudyStatistics.Strengths(votes, 3, resamples: 200, seed: 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, s => Assert.InRange(s.Theta, s.Lower, s.Upper));
        Assert.True(a[2].Upper < a[0].Lower, "arm 2 loses most battles: its interval lies below arm 0's");
    }

    [Fact]
    public void The_bootstrap_resamples_participants_not_votes()
    {
        // One participant casts all of arm 1's wins: resampling participants often leaves them out, so arm 1's
        // interval is wide; with the same votes spread over many participants it is much narrower.
        var clustered = new List<Judgement>();
        var spread = new List<Judgement>();
        for (int i = 0; i < 20; i++)
        {
            clustered.Add(new("fan", 1, 0, JudgementOutcome.AWins));
            clustered.Add(new($"p{i}", 0, 1, JudgementOutcome.AWins));
            spread.Add(new($"q{i}", 1, 0, JudgementOutcome.AWins));
            spread.Add(new($"q{i}", 0, 1, JudgementOutcome.AWins));
        }
        var wide = StudyStatistics.Strengths(clustered, 2, 400, 1)[1];
        var narrow = StudyStatistics.Strengths(spread, 2, 400, 1)[1];
        Assert.True(wide.Upper - wide.Lower > 2 * (narrow.Upper - narrow.Lower), $"{wide} vs {narrow}");
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics()
    {
        Assert.Equal(2.5, StudyStatistics.Quantile([4, 1, 3, 2], 0.5));
        Assert.Equal(1.075, StudyStatistics.Quantile([1, 2, 3, 4], 0.025), 10);
    }
}
