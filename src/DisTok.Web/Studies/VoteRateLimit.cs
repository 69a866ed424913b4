using System.Collections.Concurrent;

namespace DisTok.Web.Studies;

/// <summary>
/// At most one vote per participant per <paramref name="minInterval"/>. It remembers each participant's last vote
/// only while that still limits anything: past <paramref name="pruneAbove"/> entries, the ones older than the
/// interval are dropped, so memory follows the participants voting right now, not all who ever voted.
/// </summary>
public sealed class VoteRateLimit(TimeSpan minInterval, int pruneAbove = 4096)
{
    readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    /// <summary>Participants remembered now.</summary>
    public int Tracked => _last.Count;

    /// <summary>True (and remembered) when <paramref name="participant"/>'s last vote is at least the interval ago.</summary>
    public bool TryTake(string participant, DateTimeOffset now)
    {
        if (_last.TryGetValue(participant, out var last) && now - last < minInterval) return false;
        _last[participant] = now;
        if (_last.Count > pruneAbove)
            foreach (var (key, at) in _last)
                if (now - at >= minInterval) _last.TryRemove(KeyValuePair.Create(key, at));
        return true;
    }
}
