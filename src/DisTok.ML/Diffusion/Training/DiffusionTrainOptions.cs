using System.Text.Json.Serialization;
using DisTok.ML.Diffusion.Models;

namespace DisTok.ML.Diffusion.Training;

/// <summary>Settings of one text-to-image training run (saved into the model manifest).</summary>
/// <param name="Steps">Optimiser steps.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">AdamW learning rate after warm-up.</param>
/// <param name="WarmupSteps">Linear warm-up of the learning rate.</param>
/// <param name="WeightDecay">AdamW weight decay.</param>
/// <param name="ConditionDropout">Share of samples trained unconditionally (zero embedding) for classifier-free guidance.</param>
/// <param name="EmaDecay">Decay of the exponential moving average of the weights that is saved.</param>
/// <param name="Seed">Seed of every random choice: same seed, same run.</param>
/// <param name="CheckpointEvery">Steps between checkpoints (0 = only at the end).</param>
/// <param name="Threads">Torch intra-op threads (0 = library default).</param>
/// <param name="HybridShare">Share of batch samples drawn from the hybrid set, when one is given.</param>
/// <param name="Model">The network's shape.</param>
public sealed record DiffusionTrainOptions(
    int Steps = 6000,
    int BatchSize = 32,
    double LearningRate = 5e-4,
    int WarmupSteps = 200,
    double WeightDecay = 0.01,
    double ConditionDropout = 0.1,
    double EmaDecay = 0.999,
    int Seed = 1234,
    int CheckpointEvery = 500,
    int Threads = 0,
    double HybridShare = 0.35,
    UNetConfig? Model = null)
{
    [JsonIgnore] public UNetConfig ModelConfig => Model ?? new UNetConfig();

    /// <summary>Throws a clear <see cref="ArgumentException"/> for settings outside sane bounds.</summary>
    public void Validate()
    {
        if (Steps < 1 || Steps > 1_000_000) throw new ArgumentException($"steps must be between 1 and 1000000, got {Steps}");
        if (BatchSize < 1 || BatchSize > 1024) throw new ArgumentException($"batch size must be between 1 and 1024, got {BatchSize}");
        if (!(LearningRate > 0 && LearningRate < 1)) throw new ArgumentException($"learning rate must be in (0, 1), got {LearningRate}");
        if (ConditionDropout < 0 || ConditionDropout >= 1) throw new ArgumentException($"condition dropout must be in [0, 1), got {ConditionDropout}");
        if (EmaDecay < 0 || EmaDecay >= 1) throw new ArgumentException($"EMA decay must be in [0, 1), got {EmaDecay}");
        if (HybridShare < 0 || HybridShare >= 1) throw new ArgumentException($"hybrid share must be in [0, 1), got {HybridShare}");
    }
}
