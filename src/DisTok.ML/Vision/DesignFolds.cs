using DisTok.ML.Data;

namespace DisTok.ML.Vision;

/// <summary>
/// Leave-one-design-out folds: each fold tests on one design family and trains on every other image.
/// Renderings of one drawing (fluent flat/color/3D/high-contrast; noto and noto-v1) share a family, so a
/// drawing is never seen in training when it is tested. fxemoji is never a test fold (always trained on).
/// </summary>
public static class DesignFolds
{
    /// <summary>The measured folds, in report order.</summary>
    public static IReadOnlyList<string> Default { get; } = ["twemoji", "noto", "fluent", "streamline"];

    /// <summary>The family of an entry: its design up to the first '-' ("noto-v1" → "noto").</summary>
    public static string Family(EmojiManifestEntry entry)
    {
        var design = entry.Design.Trim().ToLowerInvariant();
        int dash = design.IndexOf('-');
        return dash < 0 ? design : design[..dash];
    }

    /// <summary>Indices of the training and test entries for the fold that holds out <paramref name="fold"/>.</summary>
    public static (int[] Train, int[] Test) Split(IReadOnlyList<EmojiManifestEntry> entries, string fold)
    {
        var family = fold.Trim().ToLowerInvariant();
        var train = new List<int>();
        var test = new List<int>();
        for (int i = 0; i < entries.Count; i++) (Family(entries[i]) == family ? test : train).Add(i);
        if (test.Count == 0) throw new ArgumentException($"fold '{fold}' has no images in the data set (designs present: {string.Join(", ", entries.Select(Family).Distinct().Order())})");
        return (train.ToArray(), test.ToArray());
    }
}
