using System.Text.Json.Serialization;

namespace DisTok.ML.Vision;

/// <summary>Hyperparameters of the soft labeler's head (the ResNet18 featurizer itself stays frozen).</summary>
/// <param name="Seed">Seeds augmentation, initialisation and batch order: same seed, same weights.</param>
/// <param name="Views">Feature views per training image: view 0 is the image, 1 its mirror, the rest random augmentations.</param>
/// <param name="OutlineViews">Extra training views drawn as black line art, so line-art renderings (high-contrast emoji, sketches) are recognised.</param>
/// <param name="Augmentation">The random changes for views 2 and up.</param>
/// <param name="Hidden">Hidden width of the MLP head; 0 makes it a linear probe.</param>
/// <param name="Dropout">Dropout on the input features and the hidden layer during training.</param>
/// <param name="WeightDecay">AdamW weight decay.</param>
/// <param name="LabelSmoothing">Cross-entropy label smoothing.</param>
/// <param name="Epochs">Passes over all training views.</param>
/// <param name="BatchSize">Feature vectors per optimiser step.</param>
/// <param name="LearningRate">AdamW learning rate (cosine-decayed to zero).</param>
/// <param name="PowerNorm">Square root of the (non-negative) ResNet features before standardising.</param>
/// <param name="FlipTestTime">At inference, average the logits of the image and its mirror.</param>
/// <param name="FeatureCacheDirectory">Folder for cached ResNet features (e.g. .cache/labeler); null computes them every time. Not part of the model.</param>
/// <param name="IntraOpThreads">Threads for ONNX Runtime and TorchSharp (1 keeps long runs polite on a shared machine).</param>
public sealed record LabelerTrainOptions(
    int Seed = 1234,
    int Views = 8,
    int OutlineViews = 2,
    AugmentationOptions? Augmentation = null,
    int Hidden = 512,
    float Dropout = 0.5f,
    float WeightDecay = 0.05f,
    float LabelSmoothing = 0.1f,
    int Epochs = 40,
    int BatchSize = 128,
    float LearningRate = 1e-3f,
    bool PowerNorm = true,
    bool FlipTestTime = true,
    int IntraOpThreads = 1,
    [property: JsonIgnore] string? FeatureCacheDirectory = null)
{
    /// <summary>The augmentation actually used.</summary>
    [JsonIgnore] public AugmentationOptions AugmentationOrDefault => Augmentation ?? new AugmentationOptions();
}
