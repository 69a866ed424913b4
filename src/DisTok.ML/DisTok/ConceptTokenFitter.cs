using DisTok.Core.Concepts;
using DisTok.ML.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>
/// Tokens t_c of the known concepts (method.md §2): the word embedding of the concept's name when it is one
/// word piece; otherwise one vector fitted so that E("a photo of a &lt;t_c&gt;") matches E("a photo of a c")
/// (ours), started from the mean of the pieces' embeddings.
/// </summary>
public static class ConceptTokenFitter
{
    public const string FitTemplate = "a photo of a <*>";

    /// <summary>Known pool entries for every concept of the catalog, in catalog order.</summary>
    public static IReadOnlyList<PoolEntry> KnownEntries(MiniLmTextEncoder encoder, ConceptCatalog catalog, int fitSteps = 300, double learningRate = 0.01)
    {
        var tokens = new float[catalog.Count][];
        var multi = new List<int>();
        for (int i = 0; i < catalog.Count; i++)
        {
            var word = encoder.WordEmbedding(catalog[i].PromptWord);
            tokens[i] = word.Mean();
            if (!word.IsSinglePiece) multi.Add(i);
        }
        if (multi.Count > 0)
        {
            var fitted = Fit(encoder, multi.Select(i => catalog[i].PromptWord).ToArray(), multi.Select(i => tokens[i]).ToArray(), fitSteps, learningRate);
            for (int k = 0; k < multi.Count; k++) tokens[multi[k]] = fitted[k];
        }
        return catalog.Concepts.Select((c, i) => new PoolEntry(c.Name, tokens[i], new Dictionary<string, double> { [c.Name] = 1.0 })).ToList();
    }

    /// <summary>words: M names; start: M initial vectors → M fitted vectors (Adam on 1 − cos).</summary>
    public static float[][] Fit(MiniLmTextEncoder encoder, IReadOnlyList<string> words, IReadOnlyList<float[]> start, int steps, double learningRate)
    {
        using var scope = NewDisposeScope();
        int m = words.Count, d = encoder.Dimension;
        var target = encoder.EncodeBatch(words.Select(w => FitTemplate.Replace("<*>", w)).ToArray());   // (M, d)
        var slots = new TorchSharp.Modules.Parameter(tensor(start.SelectMany(v => v).ToArray(), [m, d]));  // (M, d)
        using var optimizer = optim.Adam([slots], lr: learningRate);
        for (int step = 0; step < steps; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var encoded = encoder.EncodeWithSlots(FitTemplate, slots);                                    // (M, d)
            var loss = (1 - nn.functional.cosine_similarity(encoded, target, dim: 1)).mean();
            loss.backward();
            optimizer.step();
        }
        var data = slots.detach().data<float>().ToArray();
        return Enumerable.Range(0, m).Select(k => data.AsSpan(k * d, d).ToArray()).ToArray();
    }
}
