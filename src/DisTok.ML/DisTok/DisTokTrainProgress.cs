namespace DisTok.ML.DisTok;

/// <summary>A training progress event (after every optimiser step, and for notable moments).</summary>
/// <param name="Step">Steps done.</param>
/// <param name="TotalSteps">Steps the run will do.</param>
/// <param name="MixLoss">Mean L_mix over this step's fusion samples (NaN when there were none).</param>
/// <param name="ConsistencyLoss">Mean L_cst over this step's consistency samples (NaN when there were none).</param>
/// <param name="RegularizationLoss">L_reg of this step's latents.</param>
/// <param name="PoolSize">Concepts in the pool (known + discovered).</param>
/// <param name="Discovered">Discovered concepts in the pool.</param>
/// <param name="SamplesPerSecond">Training samples per second since the run (or resume) started.</param>
/// <param name="Eta">Estimated time to the end.</param>
/// <param name="Message">Set for notable moments (checkpoint written, concept admitted), else null.</param>
public sealed record DisTokTrainProgress(int Step, int TotalSteps, double MixLoss, double ConsistencyLoss, double RegularizationLoss,
    int PoolSize, int Discovered, double SamplesPerSecond, TimeSpan Eta, string? Message = null);
