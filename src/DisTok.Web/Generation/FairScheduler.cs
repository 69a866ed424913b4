using System.Diagnostics.CodeAnalysis;

namespace DisTok.Web.Generation;

/// <summary>
/// Round-robin on two levels instead of first-in-first-out: first between groups (who pays for the work: a client
/// address or an account), then, inside the chosen group, between lanes (rooms, or clients outside rooms). At each
/// level the next pick is the one served least recently (one never served, or emptied and back, goes first; ties go to
/// the one whose oldest item arrived first); within a lane items keep their order. So one address that opens many
/// lanes (rotating cookies, many rooms) still gets one turn per round. Not thread-safe: callers lock.
/// </summary>
/// <typeparam name="T">The queued item.</typeparam>
/// <param name="laneOf">The lane an item belongs to.</param>
/// <param name="groupOf">The group an item's lane belongs to; null puts every lane in one group.</param>
public sealed class FairScheduler<T>(Func<T, string> laneOf, Func<T, string>? groupOf = null) where T : class
{
    sealed class Lane
    {
        public LinkedList<(long Arrival, T Item)> Items = new();
        public long LastServed;
        public long HeadArrival => Items.First!.Value.Arrival;
    }

    sealed class Group
    {
        public Dictionary<string, Lane> Lanes = new(StringComparer.Ordinal);
        public long LastServed;
        public long HeadArrival => Lanes.Values.Min(l => l.HeadArrival);
    }

    Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    long _clock;

    /// <summary>Items waiting.</summary>
    public int Count { get; private set; }

    string GroupOf(T item) => groupOf?.Invoke(item) ?? "";

    /// <summary>Puts an item at the end of its lane.</summary>
    public void Add(T item)
    {
        var groupKey = GroupOf(item);
        if (!_groups.TryGetValue(groupKey, out var group)) _groups[groupKey] = group = new Group();
        var laneKey = laneOf(item);
        if (!group.Lanes.TryGetValue(laneKey, out var lane)) group.Lanes[laneKey] = lane = new Lane();
        lane.Items.AddLast((++_clock, item));
        Count++;
    }

    /// <summary>Takes a waiting item out of the queue (e.g. cancelled); false when it is not waiting.</summary>
    public bool Remove(T item)
    {
        var groupKey = GroupOf(item);
        var laneKey = laneOf(item);
        if (!_groups.TryGetValue(groupKey, out var group) || !group.Lanes.TryGetValue(laneKey, out var lane)) return false;
        for (var node = lane.Items.First; node is not null; node = node.Next)
        {
            if (!ReferenceEquals(node.Value.Item, item)) continue;
            lane.Items.Remove(node);
            Count--;
            if (lane.Items.Count == 0) group.Lanes.Remove(laneKey);
            if (group.Lanes.Count == 0) _groups.Remove(groupKey);
            return true;
        }
        return false;
    }

    /// <summary>Takes the next item by the round-robin rule; false when nothing waits.</summary>
    public bool TryTake([MaybeNullWhen(false)] out T item)
    {
        if (_groups.Count == 0)
        {
            item = null;
            return false;
        }
        var (groupKey, group) = _groups.MinBy(g => (g.Value.LastServed, g.Value.HeadArrival));
        var (laneKey, lane) = group.Lanes.MinBy(l => (l.Value.LastServed, l.Value.HeadArrival));
        item = lane.Items.First!.Value.Item;
        lane.Items.RemoveFirst();
        lane.LastServed = group.LastServed = ++_clock;
        Count--;
        if (lane.Items.Count == 0) group.Lanes.Remove(laneKey);
        if (group.Lanes.Count == 0) _groups.Remove(groupKey);
        return true;
    }

    /// <summary>The waiting items in the order <see cref="TryTake"/> would return them if nothing else arrived.</summary>
    public IReadOnlyList<T> Order()
    {
        var copy = new FairScheduler<T>(laneOf, groupOf) { _clock = _clock, Count = Count };
        foreach (var (groupKey, group) in _groups)
        {
            var lanes = new Dictionary<string, Lane>(StringComparer.Ordinal);
            foreach (var (laneKey, lane) in group.Lanes)
                lanes[laneKey] = new Lane { Items = new(lane.Items), LastServed = lane.LastServed };
            copy._groups[groupKey] = new Group { Lanes = lanes, LastServed = group.LastServed };
        }
        var order = new List<T>(Count);
        while (copy.TryTake(out var next)) order.Add(next);
        return order;
    }
}
