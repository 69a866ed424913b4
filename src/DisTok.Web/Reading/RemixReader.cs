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
/// and its top concepts become a distribution (<see cref="ReadingDistribution.Top"/>), normalised and said so.
/// </summary>
public sealed class RemixReader(LabelerReading reader)
{
    public const int DefaultTop = 3;
    public const int MaxTop = 8;

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
        var (distribution, coverage) = ReadingDistribution.Top(seen, reader.Concepts, top, ConceptCatalog.Default);
        var note = $"the labeler's top {distribution.Count} concept{(distribution.Count == 1 ? "" : "s")} held {coverage * 100:0} % of its reading; " +
                   $"normalised to 100 %: {distribution}";
        return new RemixReading(distribution, coverage, note);
    }
}
