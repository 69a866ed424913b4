using System.Text.Json.Nodes;
using DisTok.ML.DisTok;

namespace DisTok.Web.Training;

/// <summary>What an administrator chooses for a run; everything else comes from the served model's manifest.</summary>
/// <param name="Steps">Optimiser steps (1..<see cref="TrainingOptions.MaxSteps"/>).</param>
/// <param name="Seed">Seed of every random choice (0 or more).</param>
/// <param name="Ablation">none, no-cst, no-reg or no-pool.</param>
/// <param name="EstimationEvery">Steps between class-distribution estimations (0 = never, at most the step count).</param>
/// <param name="SampleEvery">Steps between sample images of the current checkpoint (0 = never).</param>
public sealed record TrainingSettings(int Steps, int Seed, string Ablation, int EstimationEvery, int SampleEvery)
{
    /// <summary>The settings the served model was trained with (steps, seed, ablation, estimation interval), sampling 10 times per run.</summary>
    public static TrainingSettings From(DisTokTrainOptions options) =>
        new(options.Steps, options.Seed, options.Ablation, options.EstimationEvery, Math.Max(1, options.Steps / 10));

    /// <summary>Every problem with the settings, each one sentence; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems(int maxSteps)
    {
        var problems = new List<string>();
        if (Steps < 1) problems.Add($"steps must be at least 1, got {Steps}");
        else if (Steps > maxSteps) problems.Add($"steps must be at most {maxSteps} (Training:MaxSteps), got {Steps}");
        if (Seed < 0) problems.Add($"seed must not be negative, got {Seed}");
        if (!DisTokTrainOptions.Ablations.Contains(Ablation)) problems.Add($"unknown ablation '{Ablation}'; use one of {string.Join(", ", DisTokTrainOptions.Ablations)}");
        if (EstimationEvery < 0) problems.Add($"estimation interval must be 0 (never) or more, got {EstimationEvery}");
        else if (Steps >= 1 && EstimationEvery > Steps) problems.Add($"estimation interval ({EstimationEvery}) is longer than the run ({Steps} steps); use 0 for never");
        if (SampleEvery < 0) problems.Add($"sample interval must be 0 (never) or more, got {SampleEvery}");
        else if (Steps >= 1 && SampleEvery > Steps) problems.Add($"sample interval ({SampleEvery}) is longer than the run ({Steps} steps); use 0 for never");
        return problems;
    }

    /// <summary>The trainer's options: <paramref name="basis"/> (the served model's) with these settings, on the app's torch threads.</summary>
    public DisTokTrainOptions Apply(DisTokTrainOptions basis) => basis with
    {
        Steps = Steps, Seed = Seed, Ablation = Ablation, EstimationEvery = EstimationEvery, Threads = 0,
        CheckpointEvery = Math.Max(1, Math.Min(basis.CheckpointEvery, Steps)),
    };

    /// <summary>The settings as JSON, as kept with the run.</summary>
    public string ToJson() => new JsonObject
    {
        ["steps"] = Steps, ["seed"] = Seed, ["ablation"] = Ablation, ["estimation_every"] = EstimationEvery, ["sample_every"] = SampleEvery,
    }.ToJsonString();
}
