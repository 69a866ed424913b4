namespace DisTok.ML.DisTok;

/// <summary>Settings of a DisTok training run (method.md §3). Defaults are the paper's where it has them.</summary>
/// <param name="Steps">Optimiser steps.</param>
/// <param name="Accumulation">n: samples accumulated per optimiser step (8).</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="Theta1">θ1: cap on cos(E(q_r), E(q_a)) in L_mix (0.85).</param>
/// <param name="Theta2">θ2: cap on cos(E(q_s), E(q_a)) in L_mix (0.80); used as given only when <paramref name="CalibrateTheta2"/> is false.</param>
/// <param name="Alpha">α: weight of L_mix (1).</param>
/// <param name="Beta">β: weight of L_cst (1).</param>
/// <param name="Gamma">γ: weight of L_reg (0.001).</param>
/// <param name="ConsistencyProbability">Chance that a sample runs L_cst instead of L_mix once discovered concepts exist.</param>
/// <param name="EstimationEvery">Steps between class-distribution estimations (0 = never).</param>
/// <param name="EstimationSamples">Latents drawn, rendered and labelled per estimation.</param>
/// <param name="EstimationImageSteps">Denoising steps of the estimation renders.</param>
/// <param name="Tau">τ: admission threshold on the labeler's top probability (0.85).</param>
/// <param name="AestheticPrompt">q_s, the aesthetic prompt (ours: configurable).</param>
/// <param name="Seed">Seed of every random choice; the same seed gives the same run.</param>
/// <param name="CheckpointEvery">Steps between checkpoints (the last step always saves).</param>
/// <param name="Threads">Torch threads (0 = library default).</param>
/// <param name="Ablation">Which part to switch off: none, no-cst, no-reg or no-pool.</param>
/// <param name="AnchorProbability">
/// Ours: chance that a sample is a known concept at 100 % (input t_c) pulled to E("a photo of a &lt;t_c&gt;") by
/// L_one = 1 − cos, so one concept survives the round trip; the paper's fusion always draws two entries.
/// </param>
/// <param name="UnequalProbability">
/// Ours: chance that a fusion sample weighs its two entries w : 1 − w (w drawn in 0.55–0.8) instead of ½ : ½, with the
/// major entry first in q_r, as the backbone's hybrid captions name the dominant concept first.
/// </param>
/// <param name="CalibrateTheta2">
/// Ours: set θ2 to the mean cos(E("a photo of a c"), E(q_s)) over the known concepts. The paper's 0.80 fits CLIP,
/// where "a photo of a pig" and "a photo of a cute pet" are about that close; in MiniLM they are 0.38–0.69 apart,
/// so 0.80 would pull every token past any real concept toward "cute pet". Calibrated, the cap keeps its meaning:
/// "as pet-like as a typical concept".
/// </param>
public sealed record DisTokTrainOptions(
    int Steps = 4000,
    int Accumulation = 8,
    double LearningRate = 1e-3,
    double Theta1 = 0.85,
    double Theta2 = 0.80,
    double Alpha = 1,
    double Beta = 1,
    double Gamma = 0.001,
    double ConsistencyProbability = 0.5,
    int EstimationEvery = 25,
    int EstimationSamples = 2,
    int EstimationImageSteps = 10,
    double Tau = 0.85,
    string AestheticPrompt = "a photo of a cute pet",
    int Seed = 1234,
    int CheckpointEvery = 500,
    int Threads = 0,
    string Ablation = "none",
    bool CalibrateTheta2 = true,
    double AnchorProbability = 0,
    double UnequalProbability = 0)
{
    public static readonly string[] Ablations = ["none", "no-cst", "no-reg", "no-pool"];

    public bool UsesConsistency => Ablation is not ("no-cst" or "no-pool");
    public bool UsesRegularization => Ablation != "no-reg";
    public bool GrowsPool => Ablation != "no-pool" && EstimationEvery > 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of its sane range.</summary>
    public void Validate()
    {
        Check(Steps is >= 1 and <= 1_000_000, $"steps must be between 1 and 1000000, got {Steps}");
        Check(Accumulation is >= 2 and <= 1024, $"accumulation must be between 2 and 1024, got {Accumulation}");
        Check(LearningRate is > 0 and < 1, $"learning rate must be in (0, 1), got {LearningRate}");
        Check(Theta1 is > 0 and <= 1 && Theta2 is > 0 and <= 1, "θ1 and θ2 must be in (0, 1]");
        Check(Alpha >= 0 && Beta >= 0 && Gamma >= 0, "loss weights must not be negative");
        Check(ConsistencyProbability is >= 0 and <= 1, $"consistency probability must be in [0, 1], got {ConsistencyProbability}");
        Check(EstimationEvery >= 0, $"estimation interval must be 0 (never) or more, got {EstimationEvery}");
        Check(EstimationSamples is >= 1 and <= 64, $"estimation samples must be between 1 and 64, got {EstimationSamples}");
        Check(EstimationImageSteps is >= 1 and <= 200, $"estimation image steps must be between 1 and 200, got {EstimationImageSteps}");
        Check(Tau is > 0 and <= 1, $"τ must be in (0, 1], got {Tau}");
        Check(!string.IsNullOrWhiteSpace(AestheticPrompt), "the aesthetic prompt is empty");
        Check(Seed >= 0, $"seed must not be negative, got {Seed}");
        Check(CheckpointEvery >= 1, $"checkpoint interval must be at least 1, got {CheckpointEvery}");
        Check(Threads >= 0, $"threads must be 0 (all cores) or more, got {Threads}");
        Check(AnchorProbability is >= 0 and < 1, $"anchor probability must be in [0, 1), got {AnchorProbability}");
        Check(UnequalProbability is >= 0 and <= 1, $"unequal-weight probability must be in [0, 1], got {UnequalProbability}");
        Check(Ablations.Contains(Ablation), $"unknown ablation '{Ablation}'; use one of {string.Join(", ", Ablations)}");
    }

    static void Check(bool ok, string message)
    {
        if (!ok) throw new ArgumentException(message);
    }
}
