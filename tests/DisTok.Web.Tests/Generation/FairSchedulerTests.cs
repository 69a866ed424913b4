using DisTok.Web.Generation;

namespace DisTok.Web.Tests.Generation;

/// <summary>The round-robin rule on its own, with items named "lane/n".</summary>
public class FairSchedulerTests
{
    static FairScheduler<string> Scheduler(params string[] items)
    {
        var s = new FairScheduler<string>(item => item.Split('/')[0]);
        foreach (var item in items) s.Add(item);
        return s;
    }

    static List<string> Drain(FairScheduler<string> s)
    {
        var taken = new List<string>();
        while (s.TryTake(out var item)) taken.Add(item);
        return taken;
    }

    [Fact]
    public void Lanes_take_turns_and_keep_their_own_order()
    {
        var s = Scheduler("a/1", "a/2", "a/3", "b/1", "b/2", "c/1");
        Assert.Equal(["a/1", "b/1", "c/1", "a/2", "b/2", "a/3"], s.Order());
        Assert.Equal(["a/1", "b/1", "c/1", "a/2", "b/2", "a/3"], Drain(s));
    }

    [Fact]
    public void A_newcomer_goes_before_a_lane_that_was_just_served()
    {
        var s = Scheduler("a/1", "a/2", "a/3");
        Assert.True(s.TryTake(out var first));
        Assert.Equal("a/1", first);
        s.Add("b/1");
        Assert.Equal(["b/1", "a/2", "a/3"], s.Order());
        Assert.Equal(["b/1", "a/2", "a/3"], Drain(s));
    }

    [Fact]
    public void Order_predicts_what_TryTake_returns()
    {
        var rng = new Random(7);
        var s = new FairScheduler<string>(item => item.Split('/')[0]);
        for (int i = 0; i < 200; i++)
        {
            if (rng.Next(3) > 0) s.Add($"{(char)('a' + rng.Next(4))}/{i}");
            else if (s.Count > 0)
            {
                var predicted = s.Order()[0];
                Assert.True(s.TryTake(out var taken));
                Assert.Equal(predicted, taken);
            }
        }
        Assert.Equal(s.Order(), Drain(s));
    }

    [Fact]
    public void Removing_a_waiting_item_keeps_the_others_in_order()
    {
        var s = Scheduler("a/1", "a/2", "b/1");
        Assert.True(s.Remove("a/1"));
        Assert.False(s.Remove("a/1"));
        Assert.Equal(2, s.Count);
        Assert.Equal(["a/2", "b/1"], Drain(s));
        Assert.False(s.TryTake(out _));
    }

    [Fact]
    public void A_group_with_many_lanes_gets_one_turn_per_round_like_a_group_with_one()
    {
        // Items "group.lane/n": group x opened three lanes (three rooms or cookies), group y has one.
        var s = new FairScheduler<string>(item => item.Split('/')[0], item => item.Split('.')[0]);
        foreach (var item in new[] { "x.1/1", "x.2/1", "x.3/1", "x.1/2", "y.1/1", "y.1/2", "y.1/3" }) s.Add(item);
        Assert.Equal(["x.1/1", "y.1/1", "x.2/1", "y.1/2", "x.3/1", "y.1/3", "x.1/2"], s.Order());
        Assert.Equal(["x.1/1", "y.1/1", "x.2/1", "y.1/2", "x.3/1", "y.1/3", "x.1/2"], Drain(s));
    }

    [Fact]
    public void Order_predicts_what_TryTake_returns_with_groups()
    {
        var rng = new Random(11);
        var s = new FairScheduler<string>(item => item.Split('/')[0], item => item.Split('.')[0]);
        for (int i = 0; i < 300; i++)
        {
            if (rng.Next(3) > 0) s.Add($"{(char)('a' + rng.Next(3))}.{rng.Next(3)}/{i}");
            else if (rng.Next(4) == 0 && s.Count > 0) Assert.True(s.Remove(s.Order()[rng.Next(s.Count)]));
            else if (s.Count > 0)
            {
                var predicted = s.Order()[0];
                Assert.True(s.TryTake(out var taken));
                Assert.Equal(predicted, taken);
            }
        }
        Assert.Equal(s.Order(), Drain(s));
    }
}
