using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>
/// Baseline (b): Σ p(i)·E("a photo of a c_i"), renormalised to unit length — prompt weighting as in
/// AUTOMATIC1111 / ComfyUI's "conditioning average", fed to the denoiser directly.
/// </summary>
/// <param name="encoder">The text encoder.</param>
/// <param name="catalog">The concepts' prompt words.</param>
/// <param name="template">Each concept's prompt: its word in the placeholder (default <c>a photo of a &lt;*&gt;</c>).</param>
public sealed class EmbeddingMeanMethod(ITextEncoder encoder, ConceptCatalog catalog, string template = DisTokTrainer.CreativeTemplate) : EvalMethod
{
    public override string Name => "embedding_mean";

    public override Conditioning Prepare(ConceptDistribution distribution)
    {
        var mean = new double[encoder.Dimension];
        foreach (var e in distribution.Entries)
        {
            var v = encoder.Encode(template.Replace(Placeholder.Text, catalog.Get(e.Concept).PromptWord, StringComparison.Ordinal));
            for (int j = 0; j < mean.Length; j++) mean[j] += e.Weight * v[j];
        }
        double norm = Math.Sqrt(mean.Sum(x => x * x));
        return new Conditioning("(weighted prompt embeddings)", Embedding: mean.Select(x => (float)(x / norm)).ToArray());
    }
}
