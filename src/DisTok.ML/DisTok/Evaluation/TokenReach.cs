using DisTok.Core.Concepts;
using DisTok.ML.Text;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>cos(E("a photo of a &lt;t&gt;"), E(q_r)) of one item for three tokens t.</summary>
/// <param name="Mixed">t = Σ p(i)·t_i, the input DisTok sees.</param>
/// <param name="DisTok">t = t_crt = D_tok(E_dis(Σ p(i)·t_i)).</param>
/// <param name="Free">t optimised for this item alone: the ceiling for one token in the creative prompt.</param>
public sealed record ReachItem(string Id, bool IsPair, double Mixed, double DisTok, double Free);

/// <summary>
/// How close can one token in q_a = "a photo of a &lt;*&gt;" get to the reference embedding E(q_r) at all? The free
/// per-item optimisation answers it: Adam on 1 − cos alone (no aesthetic term, no cap), started from Σ p(i)·t_i, every
/// item of the set optimised together in one batch. DisTok's token and its input are measured against the same target,
/// so the gap between DisTok and the ceiling is what a better map could still gain in the text space.
/// </summary>
public static class TokenReach
{
    public static IReadOnlyList<ReachItem> Measure(MiniLmTextEncoder encoder, DisTokModel model, ConceptCatalog catalog,
        IReadOnlyList<EvalItem> items, int steps, double learningRate)
    {
        using var scope = NewDisposeScope();
        int n = items.Count, d = encoder.Dimension;
        var target = encoder.EncodeBatch(items.Select(i => ReferencePrompt.For(i.Distribution, catalog)).ToArray()).detach();  // E(q_r): (N, d)
        var mixed = items.Select(i => model.Pool.MixedToken(i.Distribution.ToDictionary())).ToArray();
        var made = items.Select(i => model.TokenFor(i.Distribution).Vector).ToArray();
        var free = Optimise(encoder, target, mixed, steps, learningRate);
        var cosMixed = Cosines(encoder, mixed, target);
        var cosDisTok = Cosines(encoder, made, target);
        var cosFree = Cosines(encoder, free, target);
        return items.Select((item, k) => new ReachItem(item.Id, item.IsPair, cosMixed[k], cosDisTok[k], cosFree[k])).ToList();
    }

    /// <summary>target: (N, d); start: N tokens → N tokens after <paramref name="steps"/> Adam steps on mean(1 − cos).</summary>
    static float[][] Optimise(MiniLmTextEncoder encoder, Tensor target, float[][] start, int steps, double learningRate)
    {
        int n = start.Length, d = start[0].Length;
        var slots = new TorchSharp.Modules.Parameter(tensor(start.SelectMany(v => v).ToArray(), [n, d]));   // (N, d)
        using var optimizer = optim.Adam([slots], lr: learningRate);
        for (int step = 0; step < steps; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var creative = encoder.EncodeWithSlots(DisTokTrainer.CreativeTemplate, slots);                 // E(q_a): (N, d)
            (1 - nn.functional.cosine_similarity(creative, target, dim: 1)).mean().backward();
            optimizer.step();
        }
        var data = slots.detach().data<float>().ToArray();
        return Enumerable.Range(0, n).Select(k => data.AsSpan(k * d, d).ToArray()).ToArray();
    }

    static double[] Cosines(MiniLmTextEncoder encoder, float[][] tokens, Tensor target)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int n = tokens.Length, d = tokens[0].Length;
        var creative = encoder.EncodeWithSlots(DisTokTrainer.CreativeTemplate, tensor(tokens.SelectMany(v => v).ToArray(), [n, d]));  // (N, d)
        return nn.functional.cosine_similarity(creative, target, dim: 1).data<float>().Select(v => (double)v).ToArray();
    }
}
