using DisTok.ML.Data;

namespace DisTok.ML.Vision;

/// <summary>
/// ResNet18 features of every image in several views: view 0 is the image as is, view 1 its mirror,
/// views 2+ seeded random augmentations. Cached per view when a cache folder is given.
/// </summary>
public static class LabelerFeatures
{
    /// <summary>The RGB pixels of view <paramref name="view"/> of an image: (size, size, 3).</summary>
    public static byte[] RenderView(EmojiImage image, int view, AugmentationOptions augmentation, int seed) => view switch
    {
        0 => image.Rgb,
        1 => ImageAugmenter.FlipHorizontal(image.Rgb, image.Size),
        _ => ImageAugmenter.Augment(image.Rgb, image.Size, augmentation, new Random(StableHash.Seed(seed, image.Entry.File, view))),
    };

    /// <summary>Outline view <paramref name="k"/>: a random augmentation drawn as black line art (see <see cref="OutlineRenderer"/>).</summary>
    public static byte[] RenderOutlineView(EmojiImage image, int k, AugmentationOptions augmentation, int seed)
    {
        var random = new Random(StableHash.Seed(seed, image.Entry.File, "outline", k));
        var augmented = ImageAugmenter.Augment(image.Rgb, image.Size, augmentation with { BlurProbability = 0, LowResProbability = 0 }, random);
        return OutlineRenderer.Render(augmented, image.Size, edgeFraction: 0.08f + 0.08f * (float)random.NextDouble());
    }

    /// <summary>Features (Views + OutlineViews, N, 896) for the data set's images in manifest order.</summary>
    public static float[][][] Extract(EmojiDataset data, ResNet18Featurizer featurizer, LabelerTrainOptions o,
        IProgress<LabelerProgress>? progress = null, CancellationToken ct = default)
    {
        var cache = new FeatureCache(o.FeatureCacheDirectory);
        var augmentation = o.AugmentationOrDefault;
        var result = new float[o.Views + o.OutlineViews][][];
        var keys = data.Images.Select(ImageKey).ToArray();
        for (int v = 0; v < o.Views; v++)
        {
            int view = v;
            var stage = $"features view {view + 1}/{o.Views}";
            var name = $"resnet18m-v{view}" + (view >= 2 ? $"-{StableHash.Short(augmentation.Key() + "|" + o.Seed)}" : "");
            result[v] = cache.GetOrCompute(name, keys, ResNet18Featurizer.FeatureSize,
                i => featurizer.Featurize(RenderView(data.Images[i], view, augmentation, o.Seed), data.Images[i].Size),
                done => { if (done % 25 == 0 || done == data.Images.Count) progress?.Report(new LabelerProgress(stage, done, data.Images.Count)); },
                ct);
        }
        for (int k = 0; k < o.OutlineViews; k++)
        {
            int outline = k;
            var stage = $"features outline view {outline + 1}/{o.OutlineViews}";
            var name = $"resnet18m-o{outline}-{StableHash.Short(augmentation.Key() + "|" + o.Seed)}";
            result[o.Views + k] = cache.GetOrCompute(name, keys, ResNet18Featurizer.FeatureSize,
                i => featurizer.Featurize(RenderOutlineView(data.Images[i], outline, augmentation, o.Seed), data.Images[i].Size),
                done => { if (done % 25 == 0 || done == data.Images.Count) progress?.Report(new LabelerProgress(stage, done, data.Images.Count)); },
                ct);
        }
        return result;
    }

    /// <summary>32-byte content key of an image: sha256 of its file name and pixels.</summary>
    static byte[] ImageKey(EmojiImage image)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(image.Entry.File + "\n");
        return System.Security.Cryptography.SHA256.HashData([.. name, .. image.Rgb]);
    }
}
