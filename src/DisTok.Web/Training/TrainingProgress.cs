namespace DisTok.Web.Training;

/// <summary>One point of the loss curves (NaN where a loss had no samples that step).</summary>
public sealed record LossPoint(int Step, double Mix, double Consistency, double Regularization);

/// <summary>Images of the current checkpoint at one step: fixed Gaussian latents (seeds 0, 1, …) decoded and rendered.</summary>
public sealed record SampleSet(int Step, IReadOnlyList<byte[]> Pngs);

/// <summary>What the admin page shows of a run while it goes (and after, until the next run starts).</summary>
/// <param name="Run">The run's number.</param>
/// <param name="Status">running, evaluating, completed, cancelled, failed or interrupted.</param>
/// <param name="Step">Optimiser steps done.</param>
/// <param name="TotalSteps">Steps asked for.</param>
/// <param name="Curve">Loss curves, at most <see cref="TrainingLive.MaxPoints"/> points (thinned evenly on long runs).</param>
/// <param name="PoolSize">Concepts in the pool.</param>
/// <param name="Discovered">Discovered concepts in the pool.</param>
/// <param name="SamplesPerSecond">Training samples per second.</param>
/// <param name="Eta">Time to the end of training (evaluation not included).</param>
/// <param name="Samples">Sample images, newest last (at most <see cref="TrainingLive.MaxSampleSets"/>).</param>
/// <param name="Events">Notable moments, newest last (concepts discovered, checkpoints, the end).</param>
/// <param name="Message">What it is doing now, or how it ended.</param>
/// <param name="Version">The version it made, once completed.</param>
public sealed record TrainingSnapshot(int Run, string Status, int Step, int TotalSteps, IReadOnlyList<LossPoint> Curve, int PoolSize, int Discovered,
    double SamplesPerSecond, TimeSpan Eta, IReadOnlyList<SampleSet> Samples, IReadOnlyList<string> Events, string Message, int? Version);
