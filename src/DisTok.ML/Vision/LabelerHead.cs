namespace DisTok.ML.Vision;

/// <summary>
/// The trained head of the soft labeler, in plain arrays so inference needs no TorchSharp and is thread-safe:
/// 896 ResNet18 features → (optional square root) → standardise with the training mean/std →
/// dense layers with ReLU between them → logits over the concepts.
/// </summary>
public sealed class LabelerHead
{
    public bool PowerNorm { get; }
    /// <summary>(D) training mean of the transformed features.</summary>
    public float[] Mean { get; }
    /// <summary>(D) training standard deviation of the transformed features (floored, never 0).</summary>
    public float[] Std { get; }
    public IReadOnlyList<DenseLayer> Layers { get; }
    public int Inputs => Mean.Length;
    public int Classes => Layers[^1].Outputs;

    public LabelerHead(bool powerNorm, float[] mean, float[] std, IReadOnlyList<DenseLayer> layers)
    {
        if (layers.Count == 0) throw new ArgumentException("a head needs at least one layer", nameof(layers));
        if (mean.Length != std.Length || mean.Length != layers[0].Inputs)
            throw new InvalidDataException($"head normaliser has {mean.Length}/{std.Length} entries for a {layers[0].Inputs}-input layer");
        for (int i = 0; i < layers.Count; i++)
        {
            layers[i].Validate();
            if (i > 0 && layers[i].Inputs != layers[i - 1].Outputs)
                throw new InvalidDataException($"head layer {i} takes {layers[i].Inputs} inputs but layer {i - 1} gives {layers[i - 1].Outputs}");
        }
        (PowerNorm, Mean, Std, Layers) = (powerNorm, mean, std, layers);
    }

    /// <summary>The feature transform shared by training and inference: (D) raw → (D) standardised.</summary>
    public static float[] Normalise(ReadOnlySpan<float> features, bool powerNorm, float[] mean, float[] std)
    {
        var x = new float[features.Length];
        for (int i = 0; i < x.Length; i++)
        {
            float v = powerNorm ? MathF.Sqrt(MathF.Max(features[i], 0f)) : features[i];
            x[i] = (v - mean[i]) / std[i];
        }
        return x;
    }

    /// <summary>features: (D) raw ResNet features → (Classes) logits.</summary>
    public float[] Logits(ReadOnlySpan<float> features)
    {
        var x = Normalise(features, PowerNorm, Mean, Std);
        for (int l = 0; l < Layers.Count; l++)
        {
            x = Layers[l].Apply(x);
            if (l < Layers.Count - 1) for (int i = 0; i < x.Length; i++) x[i] = MathF.Max(x[i], 0f);
        }
        return x;
    }

    /// <summary>Logits of an image, averaged with those of its mirror image when given (test-time flip).</summary>
    public float[] Logits(ReadOnlySpan<float> features, float[]? mirrorFeatures)
    {
        var logits = Logits(features);
        if (mirrorFeatures is null) return logits;
        var mirrored = Logits(mirrorFeatures);
        for (int i = 0; i < logits.Length; i++) logits[i] = (logits[i] + mirrored[i]) / 2;
        return logits;
    }
}
