using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

/// <summary>Small heads with seeded random weights for tests.</summary>
internal static class TestHeads
{
    public static LabelerHead Random(int inputs = ResNet18Featurizer.FeatureSize, int hidden = 16, int classes = 60, int seed = 7)
    {
        var random = new Random(seed);
        float[] Values(int n, float scale) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();
        var layers = new List<DenseLayer>
        {
            new(inputs, hidden, Values(hidden * inputs, 0.1f), Values(hidden, 0.1f)),
            new(hidden, classes, Values(classes * hidden, 0.5f), Values(classes, 0.1f)),
        };
        return new LabelerHead(true, Values(inputs, 1f), Enumerable.Repeat(1.5f, inputs).ToArray(), layers);
    }

    public static LabelerEvaluationResult Evaluation() =>
        new([new FoldResult("twemoji", 10, 2, 0.5)], 0.5, 1.7, 2.0, 1.5, 0.2, 0.05);
}
