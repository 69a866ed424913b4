namespace DisTok.Queue;

/// <summary>
/// The order in which the cluster's waiting jobs will be taken, computed from a snapshot of the queue exactly as
/// <see cref="RedisJobQueue"/>'s take script picks: the group with the lowest score, in it the lane with the lowest score,
/// the lane's first job; then both get the next clock value (or leave when empty). Scores are last-served clock values, and
/// a group or lane never served (or emptied and back) scores below all of them, by arrival. Studio nodes use it to tell
/// waiting jobs their place.
/// </summary>
public static class FairOrder
{
    /// <summary>One group's state: its score and its lanes (score, job ids in order).</summary>
    public sealed record Group(string Name, double Score, IReadOnlyList<Lane> Lanes);

    /// <summary>One lane's state: its score and its waiting job ids, first first.</summary>
    public sealed record Lane(string Name, double Score, IReadOnlyList<string> Jobs);

    /// <summary>Every waiting job id in the order the workers will take them.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<Group> groups)
    {
        var g = groups.Where(x => x.Lanes.Any(l => l.Jobs.Count > 0)).ToDictionary(x => x.Name, x => x.Score, StringComparer.Ordinal);
        var lanes = groups.ToDictionary(x => x.Name,
            x => x.Lanes.Where(l => l.Jobs.Count > 0).ToDictionary(l => l.Name, l => (l.Score, Jobs: new Queue<string>(l.Jobs)), StringComparer.Ordinal),
            StringComparer.Ordinal);
        double clock = Math.Max(0, groups.SelectMany(x => x.Lanes.Select(l => l.Score).Append(x.Score)).DefaultIfEmpty(0).Max());
        var order = new List<string>();
        while (g.Count > 0)
        {
            var group = g.MinBy(kv => kv.Value).Key;       // scores are unique among served ones; never-served ones by arrival
            var inGroup = lanes[group];
            var lane = inGroup.MinBy(kv => kv.Value.Score).Key;
            var (_, jobs) = inGroup[lane];
            order.Add(jobs.Dequeue());
            clock++;
            if (jobs.Count > 0) inGroup[lane] = (clock, jobs); else inGroup.Remove(lane);
            if (inGroup.Count > 0) g[group] = clock; else g.Remove(group);
        }
        return order;
    }
}
