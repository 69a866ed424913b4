using DisTok.Web.Studies;

namespace DisTok.Web.Tests.Studies;

public class VoteRateLimitTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_second_vote_within_the_interval_is_refused_and_one_after_it_allowed()
    {
        var limit = new VoteRateLimit(TimeSpan.FromMilliseconds(200));
        Assert.True(limit.TryTake("p1", T0));
        Assert.False(limit.TryTake("p1", T0.AddMilliseconds(199)));
        Assert.True(limit.TryTake("p2", T0.AddMilliseconds(10)));       // others are not held up
        Assert.True(limit.TryTake("p1", T0.AddMilliseconds(200)));
    }

    [Fact]
    public void Old_entries_are_dropped_once_there_are_too_many_and_recent_ones_kept()
    {
        var limit = new VoteRateLimit(TimeSpan.FromMilliseconds(200), pruneAbove: 3);
        foreach (var p in new[] { "a", "b", "c" }) Assert.True(limit.TryTake(p, T0));
        Assert.Equal(3, limit.Tracked);
        Assert.True(limit.TryTake("d", T0.AddSeconds(1)));               // 4 > 3: a, b and c no longer limit anything
        Assert.Equal(1, limit.Tracked);
        Assert.False(limit.TryTake("d", T0.AddSeconds(1.1)));            // d is still remembered
    }
}
