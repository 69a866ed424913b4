using DisTok.ML.Vision;
using DisTok.Web.Models;

namespace DisTok.Web.Explore;

/// <summary>"What the model thinks this is": the soft labeler's distribution over the 60 concepts for an image.</summary>
public sealed class LabelerReading(OptionalModel<SoftLabeler> labeler)
{
    readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Why there is no reading (labeler not installed or broken), or null.</summary>
    public string? Unavailable => labeler.Problem;

    /// <summary>The <paramref name="top"/> most likely concepts with their probabilities, most likely first.</summary>
    /// <exception cref="InvalidOperationException">No labeler (see <see cref="Unavailable"/>).</exception>
    public async Task<IReadOnlyList<(string Concept, double P)>> ReadAsync(byte[] png, int top = 3)
    {
        var model = labeler.Model ?? throw new InvalidOperationException(labeler.Problem);
        await _one.WaitAsync();
        try
        {
            // The featurizer runs native code; keep it off the circuit's thread and one image at a time.
            var p = await Task.Run(() => model.Classify(png));
            return p.Select((v, i) => (model.Concepts[i], (double)v)).OrderByDescending(x => x.Item2).Take(top).ToList();
        }
        finally { _one.Release(); }
    }

    /// <summary>A reading in words, e.g. <c>tiger 44%, horse 36%, dog 13%</c>.</summary>
    public static string Describe(IEnumerable<(string Concept, double P)> reading) =>
        string.Join(", ", reading.Select(r => $"{r.Concept} {r.P * 100:0}%"));
}
