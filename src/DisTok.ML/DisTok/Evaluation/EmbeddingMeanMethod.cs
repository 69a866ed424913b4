using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>
/// Baseline (b): Σ p(i)·E("a photo of a c_i"), renormalised to unit length — prompt weighting as in
/// AUTOMATIC1111 / ComfyUI's "conditioning average", fed to the denoiser directly.
/// </summary>
public sealed class EmbeddingMeanMethod(ITextEncoder encoder, ConceptCatalog catalog) : EvalMethod
{
    public override string Name => "embedding_mean";

    public override Conditioning Prepare(ConceptDistribution distribution)
    {
        var mean = new double[encoder.Dimension];
        foreach (var e in distribution.Entries)
        {
            var v = encoder.Encode($"a photo of a {catalog.Get(e.Concept).PromptWord}");
            for (int j = 0; j < mean.Length; j++) mean[j] += e.Weight * v[j];
        }
        double norm = Math.Sqrt(mean.Sum(x => x * x));
        return new Conditioning("(weighted prompt embeddings)", Embedding: mean.Select(x => (float)(x / norm)).ToArray());
    }
}
