namespace DisTok.Web.Components.Rooms;

/// <summary>
/// Sends a page's slider values to the store one write at a time per concept, always the newest value, so a fast
/// drag makes a few writes instead of one per pixel and never lands out of order. Until its last write is back, a
/// concept shows the local value (the person's own drag is not pulled back by echoes of their earlier writes).
/// Used from the page's renderer context only (not thread-safe).
/// </summary>
/// <param name="send">Stores one value (key, weight).</param>
public sealed class WeightPump(Func<string, double, Task> send)
{
    readonly Dictionary<string, double> _latest = new(StringComparer.Ordinal);
    readonly HashSet<string> _sending = new(StringComparer.Ordinal);

    /// <summary>The value the person set and the store may not have yet.</summary>
    public bool TryGetLocal(string key, out double weight) => _latest.TryGetValue(key, out weight);

    /// <summary>Queues a value; the call that starts the writes returns when the newest value is stored (or throws its error).</summary>
    public async Task SetAsync(string key, double weight)
    {
        _latest[key] = weight;
        if (!_sending.Add(key)) return;
        try
        {
            while (true)
            {
                var value = _latest[key];
                await send(key, value);
                if (_latest[key].Equals(value)) break;
            }
        }
        finally
        {
            _latest.Remove(key);
            _sending.Remove(key);
        }
    }
}
