using System.Collections.Concurrent;
using System.Security.Cryptography;
using DisTok.ML.Vision;
using DisTok.Web.Models;

namespace DisTok.Web.Reading;

/// <summary>
/// "What the model thinks this is": the soft labeler's distribution over the 60 concepts for an image. Readings are kept
/// by the image's sha256 (the last <see cref="Kept"/>), so every member of a room who sees the same image costs one read.
/// </summary>
public sealed class LabelerReading(OptionalModel<SoftLabeler> labeler)
{
    /// <summary>Readings kept in memory, by image.</summary>
    public const int Kept = 512;

    readonly SemaphoreSlim _one = new(1, 1);
    readonly ConcurrentDictionary<string, float[]> _kept = new();
    readonly ConcurrentQueue<string> _order = new();

    /// <summary>Why there is no reading (labeler not installed or broken), or null.</summary>
    public string? Unavailable => labeler.Problem;

    /// <summary>The concepts, in the order of <see cref="ReadAllAsync"/>'s probabilities.</summary>
    /// <exception cref="InvalidOperationException">No labeler (see <see cref="Unavailable"/>).</exception>
    public IReadOnlyList<string> Concepts => (labeler.Model ?? throw new InvalidOperationException(labeler.Problem)).Concepts;

    /// <summary>The probability of every concept (in <see cref="Concepts"/> order) for an encoded image.</summary>
    /// <exception cref="InvalidOperationException">No labeler (see <see cref="Unavailable"/>).</exception>
    /// <exception cref="InvalidDataException">The bytes are not a readable image.</exception>
    public async Task<float[]> ReadAllAsync(byte[] image)
    {
        var model = labeler.Model ?? throw new InvalidOperationException(labeler.Problem);
        var key = Convert.ToHexString(SHA256.HashData(image));
        if (_kept.TryGetValue(key, out var kept)) return kept;
        await _one.WaitAsync();
        try
        {
            if (_kept.TryGetValue(key, out kept)) return kept;
            // The featurizer runs native code; keep it off the circuit's thread and one image at a time.
            var p = await Task.Run(() => model.Classify(image));
            if (_kept.TryAdd(key, p)) _order.Enqueue(key);
            while (_order.Count > Kept && _order.TryDequeue(out var old)) _kept.TryRemove(old, out _);
            return p;
        }
        finally { _one.Release(); }
    }

    /// <summary>The <paramref name="top"/> most likely concepts with their probabilities, most likely first.</summary>
    /// <exception cref="InvalidOperationException">No labeler (see <see cref="Unavailable"/>).</exception>
    public async Task<IReadOnlyList<(string Concept, double P)>> ReadAsync(byte[] png, int top = 3)
    {
        var p = await ReadAllAsync(png);
        var concepts = Concepts;
        return p.Select((v, i) => (concepts[i], (double)v)).OrderByDescending(x => x.Item2).Take(top).ToList();
    }

    /// <summary>A reading in words, e.g. <c>tiger 44%, horse 36%, dog 13%</c>.</summary>
    public static string Describe(IEnumerable<(string Concept, double P)> reading) =>
        string.Join(", ", reading.Select(r => $"{r.Concept} {r.P * 100:0}%"));
}
