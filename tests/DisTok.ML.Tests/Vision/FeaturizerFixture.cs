using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

/// <summary>One ResNet18 featurizer shared by the tests of a class (loading the 64 MB model takes a second).</summary>
public sealed class FeaturizerFixture : IDisposable
{
    public ResNet18Featurizer Featurizer { get; } = new(intraOpThreads: 1);
    public void Dispose() => Featurizer.Dispose();
}
