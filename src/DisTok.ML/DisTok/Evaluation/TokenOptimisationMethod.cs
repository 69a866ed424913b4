using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.ML.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>
/// Baseline (c): per-concept token optimisation (CreTok / ConceptLab style) — for every distribution, Adam
/// minimises L_mix of one free token from scratch, with q_r = "a c1 c2 …" and the same aesthetic prompt and caps.
/// It starts from Σ p(i)·t_i, the input DisTok sees, so both begin from the same information.
/// </summary>
public sealed class TokenOptimisationMethod(MiniLmTextEncoder encoder, ConceptPool pool, ConceptCatalog catalog,
    int steps = 200, double learningRate = 0.01, double theta1 = 0.85, double theta2 = 0.80, string aestheticPrompt = "a photo of a cute pet") : EvalMethod
{
    public override string Name => "per_concept_optimisation";

    public int Steps => steps;

    public override Conditioning Prepare(ConceptDistribution distribution) => Optimise(distribution, CancellationToken.None);

    /// <summary><see cref="Prepare"/> that stops between Adam steps when <paramref name="ct"/> is cancelled.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; nothing is returned.</exception>
    public Conditioning Optimise(ConceptDistribution distribution, CancellationToken ct)
    {
        using var scope = NewDisposeScope();
        int d = encoder.Dimension;
        var reference = encoder.EncodeBatch([ReferencePrompt.For(distribution, catalog)]);   // E(q_r): (1, d)
        var aesthetic = encoder.EncodeBatch([aestheticPrompt]);                      // E(q_s): (1, d)
        var token = new TorchSharp.Modules.Parameter(tensor(pool.MixedToken(distribution.ToDictionary()), [1, d]));   // (1, d)
        using var optimizer = optim.Adam([token], lr: learningRate);
        for (int i = 0; i < steps; i++)
        {
            ct.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var creative = encoder.EncodeWithSlots(DisTokTrainer.CreativeTemplate, token);   // E(q_a): (1, d)
            MixLoss.PerSample(creative, reference, aesthetic, theta1, theta2).sum().backward();
            optimizer.step();
        }
        return new Conditioning(DisTokTrainer.CreativeTemplate, token.detach().data<float>().ToArray());
    }
}
