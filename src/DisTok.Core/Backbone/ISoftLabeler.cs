namespace DisTok.Core.Backbone;

/// <summary>The soft labeler (the paper's VLM): image → probability distribution over the known concepts.</summary>
public interface ISoftLabeler
{
    /// <summary>Concept names in the order of the returned probabilities.</summary>
    IReadOnlyList<string> Concepts { get; }

    /// <summary>
    /// Classifies an encoded image (PNG, WebP, JPEG…). Returns probabilities summing to 1.
    /// Throws <see cref="InvalidDataException"/> when the bytes are not a readable image.
    /// </summary>
    float[] Classify(byte[] encodedImage);
}
