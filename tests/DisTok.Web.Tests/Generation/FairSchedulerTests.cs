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
}
