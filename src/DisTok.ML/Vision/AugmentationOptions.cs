namespace DisTok.ML.Vision;

/// <summary>Random changes applied to a 64×64 training image before feature extraction.</summary>
/// <param name="MinScale">Smallest object scale relative to the frame (zoom out, object shrinks on white).</param>
/// <param name="MaxScale">Largest object scale (zoom in, object is cropped).</param>
/// <param name="MaxRotationDegrees">Rotation drawn uniformly in ±this.</param>
/// <param name="MaxShiftFraction">Shift drawn uniformly in ±this × side, per axis.</param>
/// <param name="FlipProbability">Chance of a horizontal flip.</param>
/// <param name="Brightness">Brightness factor drawn in 1 ± this.</param>
/// <param name="Contrast">Contrast factor drawn in 1 ± this.</param>
/// <param name="Saturation">Saturation factor drawn in 1 ± this.</param>
/// <param name="GrayscaleProbability">Chance of dropping colour entirely.</param>
/// <param name="BlurProbability">Chance of a Gaussian blur (generated images are often soft).</param>
/// <param name="MaxBlurSigma">Blur sigma drawn in 0.4–this pixels.</param>
/// <param name="LowResProbability">Chance of downscaling to 24–40 px and back (loses fine detail like a small generator does).</param>
/// <param name="NoiseProbability">Chance of adding Gaussian pixel noise (a sampler's leftover grain).</param>
/// <param name="MaxNoise">Noise standard deviation drawn in 0–this, in 0–255 units.</param>
public sealed record AugmentationOptions(
    float MinScale = 0.7f,
    float MaxScale = 1.15f,
    float MaxRotationDegrees = 15f,
    float MaxShiftFraction = 0.08f,
    float FlipProbability = 0.5f,
    float Brightness = 0.15f,
    float Contrast = 0.2f,
    float Saturation = 0.35f,
    float GrayscaleProbability = 0.15f,
    float BlurProbability = 0.35f,
    float MaxBlurSigma = 1.6f,
    float LowResProbability = 0.2f,
    float NoiseProbability = 0f,
    float MaxNoise = 0f)
{
    /// <summary>A short stable text of the fields, used in cache keys.</summary>
    public string Key() =>
        FormattableString.Invariant($"s{MinScale}-{MaxScale}r{MaxRotationDegrees}t{MaxShiftFraction}f{FlipProbability}b{Brightness}c{Contrast}sat{Saturation}g{GrayscaleProbability}bl{BlurProbability}-{MaxBlurSigma}lr{LowResProbability}") + (NoiseProbability > 0 ? FormattableString.Invariant($"n{NoiseProbability}-{MaxNoise}") : "");
}
