namespace DisTok.ML.Diffusion.Training;

/// <summary>A progress report of a text-to-image training run.</summary>
public sealed record DiffusionTrainProgress(int Step, int TotalSteps, double Loss, double SamplesPerSecond, TimeSpan Eta, string? Message = null);
