using System.Text.Json.Serialization;

namespace DisTok.ML.Vision.Cnn;

/// <summary>Hyperparameters of the fine-tuned soft labeler (ResNet18 trunk from ImageNet + a linear classifier).</summary>
/// <param name="Seed">Seeds initialisation, augmentation, mixing and batch order.</param>
/// <param name="Stages">Residual stages of ResNet18 kept (3: up to 256 channels, 2.8 M parameters).</param>
/// <param name="InputSide">Side the 64×64 images are resized to before the trunk.</param>
/// <param name="Epochs">Passes over the training images (one random view of each per pass).</param>
/// <param name="BatchSize">Images per optimiser step.</param>
/// <param name="LearningRate">AdamW peak learning rate of the classifier; the trunk gets <see cref="TrunkLearningRateScale"/> of it.</param>
/// <param name="TrunkLearningRateScale">The pretrained trunk's share of the learning rate.</param>
/// <param name="WeightDecay">AdamW weight decay.</param>
/// <param name="LabelSmoothing">Target smoothing ε.</param>
/// <param name="Dropout">Dropout before the classifier.</param>
/// <param name="MixProbability">Share of batches mixed (MixUp or CutMix, half each).</param>
/// <param name="MixAlpha">Beta(α, α) of the mixing proportion.</param>
/// <param name="OutlineProbability">Share of training views drawn as black line art.</param>
/// <param name="ShapeColourProbability">Share of training views that are one image's drawing in another concept's colours (<see cref="ShapeColourMix"/>), learnt as half each.</param>
/// <param name="Augmentation">The random changes of each training view: generator-like blur, low resolution and noise included.</param>
/// <param name="FlipTestTime">At inference, average the logits of the image and its mirror.</param>
/// <param name="Threads">Torch intra-op threads (0 = library default).</param>
public sealed record CnnLabelerOptions(
    int Seed = 1234,
    int Stages = 3,
    int InputSide = 112,
    int Epochs = 30,
    int BatchSize = 32,
    float LearningRate = 2e-3f,
    float TrunkLearningRateScale = 0.25f,
    float WeightDecay = 0.05f,
    float LabelSmoothing = 0.1f,
    float Dropout = 0.2f,
    float MixProbability = 0.5f,
    float MixAlpha = 0.6f,
    float OutlineProbability = 0.1f,
    float ShapeColourProbability = 0f,
    AugmentationOptions? Augmentation = null,
    bool FlipTestTime = true,
    int Threads = 0)
{
    /// <summary>The generator-like augmentation used when none is given: stronger blur and low resolution, and noise.</summary>
    public static AugmentationOptions GeneratorLike { get; } = new(
        MinScale: 0.65f, MaxScale: 1.15f, MaxRotationDegrees: 15f, MaxShiftFraction: 0.1f,
        Brightness: 0.15f, Contrast: 0.3f, Saturation: 0.45f, GrayscaleProbability: 0.1f,
        BlurProbability: 0.6f, MaxBlurSigma: 2.0f, LowResProbability: 0.4f, NoiseProbability: 0.4f, MaxNoise: 16f);

    [JsonIgnore] public AugmentationOptions AugmentationOrDefault => Augmentation ?? GeneratorLike;

    /// <summary>Throws a clear <see cref="ArgumentException"/> for settings outside sane bounds.</summary>
    public void Validate()
    {
        if (Stages < 1 || Stages > 4) throw new ArgumentException($"stages must be 1–4, got {Stages}");
        // the export's stride-2 layers pad top-left only, which fits even sides: every stage must halve an even side
        if (InputSide < 32 || InputSide > 512 || InputSide % (1 << (Stages + 1)) != 0)
            throw new ArgumentException($"input side must be 32–512 and a multiple of {1 << (Stages + 1)} for {Stages} stages, got {InputSide}");
        if (Epochs < 1 || Epochs > 1000) throw new ArgumentException($"epochs must be 1–1000, got {Epochs}");
        if (BatchSize < 2 || BatchSize > 512) throw new ArgumentException($"batch size must be 2–512, got {BatchSize}");
        if (!(LearningRate > 0 && LearningRate < 1)) throw new ArgumentException($"learning rate must be in (0, 1), got {LearningRate}");
        if (MixProbability < 0 || MixProbability > 1) throw new ArgumentException($"mix probability must be in [0, 1], got {MixProbability}");
        if (LabelSmoothing < 0 || LabelSmoothing >= 1) throw new ArgumentException($"label smoothing must be in [0, 1), got {LabelSmoothing}");
    }
}
