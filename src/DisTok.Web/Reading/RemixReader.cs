using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.ML.Imaging;

namespace DisTok.Web.Reading;

/// <summary>A distribution read off an image for a remix.</summary>
/// <param name="Distribution">The labeler's top concepts, normalised to sum to 1.</param>
/// <param name="Coverage">How much of the labeler's reading those concepts held before normalising.</param>
/// <param name="Note">What was done, in words.</param>
public sealed record RemixReading(ConceptDistribution Distribution, double Coverage, string Note);

/// <summary>
/// Remix from an image: the image is checked before it is decoded (<see cref="UploadedImage"/>), the soft labeler reads it,
/// and its top concepts — at most <c>top</c>, each holding at least <see cref="Floor"/> of the reading — become a
/// distribution, normalised and said so.
/// </summary>
public sealed class RemixReader(LabelerReading reader)
{
    public const int DefaultTop = 3;
    public const int MaxTop = 8;

    /// <summary>Concepts holding less of the reading than this are left out (the most likely one is always kept).</summary>
    public const double Floor = 0.05;

    /// <summary>Reads an encoded image (PNG, JPEG, WebP).</summary>
    /// <exception cref="ArgumentException">Not an image, too large, no pixels, a header claiming too many pixels, or a bad <paramref name="top"/>; the message says which.</exception>
    /// <exception cref="InvalidOperationException">No labeler installed.</exception>
    public async Task<RemixReading> ReadAsync(byte[] image, int top = DefaultTop)
    {
        if (top is < 1 or > MaxTop) throw new ArgumentException($"top must be between 1 and {MaxTop}, got {top}");
        float[] seen;
        try
        {
            UploadedImage.Check(image);
            seen = await reader.ReadAllAsync(image);
        }
        catch (InvalidDataException e) { throw new ArgumentException($"the image was not read: {e.Message}"); }
        var concepts = reader.Concepts;
        var best = seen.Select((p, i) => (Concept: concepts[i], P: (double)p)).OrderByDescending(x => x.P).Take(top)
            .Where((x, rank) => rank == 0 || x.P >= Floor).ToList();
        double coverage = best.Sum(x => x.P);
        var distribution = ConceptDistribution.Create(best.Select(x => KeyValuePair.Create(x.Concept, Math.Max(0.01, Math.Round(x.P / coverage, 2)))),
            ConceptCatalog.Default);
        var note = $"the labeler's top {best.Count} concept{(best.Count == 1 ? "" : "s")} held {coverage * 100:0} % of its reading; " +
                   $"normalised to 100 %: {distribution}";
        return new RemixReading(distribution, coverage, note);
    }
}
