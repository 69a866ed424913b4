using DisTok.Data.Stores;

namespace DisTok.Data.Tests.Stores;

public class BattlePlannerTests
{
    static Dictionary<(int, int, int), int> Count(IEnumerable<PlannedBattle> battles) =>
        battles.GroupBy(b => (b.Item, Math.Min(b.LeftArm, b.RightArm), Math.Max(b.LeftArm, b.RightArm))).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Participants_in_turn_spread_battles_evenly_over_arm_pairs_and_items()
    {
        // 3 arms (3 pairs) × 4 items = 12 combos; 12 participants × 5 battles = 60 = 5 per combo.
        var given = new Dictionary<(int, int, int), int>();
        var rng = new Random(1);
        var all = new List<PlannedBattle>();
        for (int p = 0; p < 12; p++)
        {
            var plan = BattlePlanner.Plan(4, 3, 5, given, rng);
            Assert.Equal(5, plan.Count);
            Assert.Equal(5, plan.Select(b => (b.Item, Math.Min(b.LeftArm, b.RightArm), Math.Max(b.LeftArm, b.RightArm))).Distinct().Count());
            Assert.All(plan, b => Assert.NotEqual(b.LeftArm, b.RightArm));
            all.AddRange(plan);
            given = Count(all);
        }
        Assert.Equal(12, given.Count);
        Assert.All(given.Values, n => Assert.Equal(5, n));
    }

    [Fact]
    public void A_participant_sees_new_items_before_repeating_one()
    {
        var plan = BattlePlanner.Plan(5, 2, 5, new Dictionary<(int, int, int), int>(), new Random(3));
        Assert.Equal(5, plan.Select(b => b.Item).Distinct().Count());
    }

    [Fact]
    public void The_least_given_pair_comes_first_and_sides_are_mixed()
    {
        var given = new Dictionary<(int, int, int), int> { [(0, 0, 1)] = 9, [(0, 0, 2)] = 9 };
        var first = BattlePlanner.Plan(1, 3, 1, given, new Random(0))[0];
        Assert.Equal((1, 2), (Math.Min(first.LeftArm, first.RightArm), Math.Max(first.LeftArm, first.RightArm)));

        var many = BattlePlanner.Plan(1, 2, 40, new Dictionary<(int, int, int), int>(), new Random(7));
        int left0 = many.Count(b => b.LeftArm == 0);
        Assert.InRange(left0, 10, 30);
    }

    [Fact]
    public void Impossible_plans_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BattlePlanner.Plan(0, 2, 1, new Dictionary<(int, int, int), int>(), new Random()));
        Assert.Throws<ArgumentException>(() => BattlePlanner.Plan(1, 1, 1, new Dictionary<(int, int, int), int>(), new Random()));
    }
}
