namespace DisTok.ML.DisTok;

/// <summary>What a finished (or cancelled) training run did.</summary>
public sealed record DisTokTrainResult(int Steps, double MixLoss, double ConsistencyLoss, double RegularizationLoss,
    int PoolSize, int Discovered, TimeSpan Elapsed, double SamplesPerSecond, string WeightsSha256, bool Cancelled);
