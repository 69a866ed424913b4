using DisTok.Queue;

namespace DisTok.Web.Tests.Queue;

public class FairOrderTests
{
    const double Arrived = -1e12;   // a lane or group never served scores below every served one, by arrival

    [Fact]
    public void Groups_take_turns_then_lanes_inside_a_group_take_turns()
    {
        // payer A: room X [j1, j2] (arrived 1), room Y [j3] (arrived 3); payer B: room Z [j4, j5] (arrived 2).
        var groups = new[]
        {
            new FairOrder.Group("A", Arrived + 1, [new("X", Arrived + 1, ["j1", "j2"]), new("Y", Arrived + 3, ["j3"])]),
            new FairOrder.Group("B", Arrived + 2, [new("Z", Arrived + 2, ["j4", "j5"])]),
        };
        // A·X, B·Z, A·Y (never served beats X served at 1), B·Z, A·X
        Assert.Equal(["j1", "j4", "j3", "j5", "j2"], FairOrder.Of(groups));
    }

    [Fact]
    public void The_least_recently_served_goes_first_and_empty_lanes_are_skipped()
    {
        var groups = new[]
        {
            new FairOrder.Group("A", 7, [new("X", 7, ["a1"]), new("empty", 1, [])]),
            new FairOrder.Group("B", 5, [new("Y", 5, ["b1", "b2"])]),
        };
        Assert.Equal(["b1", "a1", "b2"], FairOrder.Of(groups));
        Assert.Empty(FairOrder.Of([]));
    }
}
