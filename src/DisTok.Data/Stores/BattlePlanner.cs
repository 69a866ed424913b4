namespace DisTok.Data.Stores;

/// <summary>One planned battle: an item, the arm on the left and the arm on the right.</summary>
public sealed record PlannedBattle(int Item, int LeftArm, int RightArm);

/// <summary>
/// Chooses a new participant's battles so comparisons stay balanced: each pick is the (item, arm pair) with the fewest
/// battles so far (which keeps the arm pairs balanced too), preferring items this participant has not seen yet, then
/// the arm pair with the fewest battles over all items; a participant never gets the same (item, pair) twice while
/// another is left; remaining ties are broken at random, and the sides are random.
/// </summary>
public static class BattlePlanner
{
    /// <param name="items">Items in the study (≥ 1).</param>
    /// <param name="arms">Arms in the study (≥ 2).</param>
    /// <param name="count">Battles to plan (≥ 1).</param>
    /// <param name="given">Battles given so far to everyone, per (item, lower arm, higher arm).</param>
    /// <param name="rng">Breaks ties and picks sides.</param>
    public static IReadOnlyList<PlannedBattle> Plan(int items, int arms, int count, IReadOnlyDictionary<(int Item, int A, int B), int> given, Random rng)
    {
        if (items < 1 || arms < 2 || count < 1) throw new ArgumentException($"need ≥ 1 item, ≥ 2 arms and ≥ 1 battle, got {items}, {arms}, {count}");
        var pairs = new List<(int A, int B)>();
        for (int a = 0; a < arms; a++)
            for (int b = a + 1; b < arms; b++) pairs.Add((a, b));
        var perCombo = new Dictionary<(int, int, int), int>(given);
        var perPair = pairs.ToDictionary(p => p, p => Enumerable.Range(0, items).Sum(i => perCombo.GetValueOrDefault((i, p.A, p.B))));
        var seenItems = new HashSet<int>();
        var mine = new HashSet<(int, int, int)>();
        var plan = new List<PlannedBattle>();
        for (int k = 0; k < count; k++)
        {
            var best = Enumerable.Range(0, items).SelectMany(i => pairs.Select(p => (Item: i, p.A, p.B)))
                .Select(c => (Combo: c, Key: (
                    Repeat: mine.Contains(c) ? 1 : 0,
                    Combo: perCombo.GetValueOrDefault(c),
                    SeenItem: seenItems.Contains(c.Item) && seenItems.Count < items ? 1 : 0,
                    Pair: perPair[(c.A, c.B)],
                    Tie: rng.Next())))
                .MinBy(x => x.Key).Combo;
            mine.Add(best);
            seenItems.Add(best.Item);
            perCombo[best] = perCombo.GetValueOrDefault(best) + 1;
            perPair[(best.A, best.B)]++;
            plan.Add(rng.Next(2) == 0 ? new PlannedBattle(best.Item, best.A, best.B) : new PlannedBattle(best.Item, best.B, best.A));
        }
        return plan;
    }
}
