using System.Diagnostics.CodeAnalysis;

namespace DisTok.Web.Generation;

/// <summary>
/// Round-robin between lanes (rooms, or clients outside rooms) instead of first-in-first-out: the next item comes
/// from the lane served least recently (a lane that was never served, or emptied and came back, goes first; ties go
/// to the lane whose head arrived first); within a lane items keep their order. Not thread-safe: callers lock.
/// </summary>
/// <typeparam name="T">The queued item.</typeparam>
/// <param name="laneOf">The lane an item belongs to.</param>
public sealed class FairScheduler<T>(Func<T, string> laneOf) where T : class
{
    sealed class Lane
    {
        public readonly LinkedList<(long Arrival, T Item)> Items = new();
        public long LastServed;
    }

    readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    long _clock;

    /// <summary>Items waiting.</summary>
    public int Count { get; private set; }

    /// <summary>Puts an item at the end of its lane.</summary>
    public void Add(T item)
    {
        var key = laneOf(item);
        if (!_lanes.TryGetValue(key, out var lane)) _lanes[key] = lane = new Lane();
        lane.Items.AddLast((++_clock, item));
        Count++;
    }

    /// <summary>Takes a waiting item out of the queue (e.g. cancelled); false when it is not waiting.</summary>
    public bool Remove(T item)
    {
        if (!_lanes.TryGetValue(laneOf(item), out var lane)) return false;
        for (var node = lane.Items.First; node is not null; node = node.Next)
        {
            if (!ReferenceEquals(node.Value.Item, item)) continue;
            lane.Items.Remove(node);
            Count--;
            if (lane.Items.Count == 0) _lanes.Remove(laneOf(item));
            return true;
        }
        return false;
    }

    /// <summary>Takes the next item by the round-robin rule; false when nothing waits.</summary>
    public bool TryTake([MaybeNullWhen(false)] out T item)
    {
        var next = _lanes.Count == 0 ? default : _lanes.MinBy(l => (l.Value.LastServed, l.Value.Items.First!.Value.Arrival));
        if (next.Value is not { } lane)
        {
            item = null;
            return false;
        }
        item = lane.Items.First!.Value.Item;
        lane.Items.RemoveFirst();
        lane.LastServed = ++_clock;
        Count--;
        if (lane.Items.Count == 0) _lanes.Remove(next.Key);
        return true;
    }

    /// <summary>The waiting items in the order <see cref="TryTake"/> would return them if nothing else arrived.</summary>
    public IReadOnlyList<T> Order()
    {
        var lanes = _lanes.Values.Select(l => (l.LastServed, Items: new Queue<(long Arrival, T Item)>(l.Items))).ToList();
        var order = new List<T>(Count);
        long clock = _clock;
        while (order.Count < Count)
        {
            int best = 0;
            for (int i = 1; i < lanes.Count; i++)
                if ((lanes[i].LastServed, lanes[i].Items.Peek().Arrival).CompareTo((lanes[best].LastServed, lanes[best].Items.Peek().Arrival)) < 0)
                    best = i;
            var (_, items) = lanes[best];
            order.Add(items.Dequeue().Item);
            if (items.Count == 0) lanes.RemoveAt(best);
            else lanes[best] = (++clock, items);
        }
        return order;
    }
}
