namespace DisTok.ML.Data;

/// <summary>One image of the data set, decoded.</summary>
/// <param name="Entry">Its manifest entry (concept, style, design…).</param>
/// <param name="Rgb">Pixels as bytes, row-major (H, W, 3), RGB on white.</param>
/// <param name="Size">Side in pixels.</param>
public sealed record EmojiImage(EmojiManifestEntry Entry, byte[] Rgb, int Size);
