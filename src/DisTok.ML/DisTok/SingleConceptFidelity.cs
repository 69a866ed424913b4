using DisTok.ML.Text;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>
/// Does one concept at 100 % survive DisTok? For every known concept c: t_crt = D_tok(E_dis(t_c)), then
/// cos(E("a photo of a &lt;t_crt&gt;"), E("a photo of a &lt;t_c&gt;")) and whether that embedding is nearer c's than any
/// other known concept's. Tracked during training (the checkpoints' metrics) without rendering anything.
/// </summary>
/// <param name="CosineMedian">Median cosine to the concept's own prompt embedding.</param>
/// <param name="CosineMin">Smallest such cosine.</param>
/// <param name="NearestOwnShare">Share of concepts whose token's embedding is nearest their own prompt's.</param>
public sealed record SingleConceptFidelity(double CosineMedian, double CosineMin, double NearestOwnShare)
{
    /// <summary>Measures the network on the pool's known concepts (no gradient).</summary>
    public static SingleConceptFidelity Measure(DisTokNetwork network, ConceptPool pool, MiniLmTextEncoder encoder)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var known = pool.Known.ToList();
        int k = known.Count, d = pool.Dimension;
        var tokens = tensor(known.SelectMany(e => e.Token).ToArray(), [k, d]);                // t_c: (K, d)
        var own = encoder.EncodeWithSlots(DisTokTrainer.CreativeTemplate, tokens);              // E("a photo of a <t_c>"): (K, d)
        var made = encoder.EncodeWithSlots(DisTokTrainer.CreativeTemplate, network.Decode(network.Encode(tokens))); // (K, d)
        var similarity = nn.functional.normalize(made, dim: 1).matmul(nn.functional.normalize(own, dim: 1).t()); // (K, K): made i vs own j
        var diagonal = similarity.diagonal().data<float>().ToArray();
        var nearest = similarity.argmax(1).data<long>().ToArray();
        var sorted = diagonal.Order().ToArray();
        double median = k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2.0;
        return new SingleConceptFidelity(median, sorted[0], (double)nearest.Where((j, i) => j == i).Count() / k);
    }
}
