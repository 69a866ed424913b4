namespace DisTok.ML.DisTok;

/// <summary>
/// One concept of the pool: a known concept (its name's token, distribution = itself) or a discovered one
/// (a decoded token t_nvl with the soft labeler's distribution p_nvl over the known concepts).
/// </summary>
/// <param name="Id">The concept's name for known concepts; "d1", "d2", … for discovered ones.</param>
/// <param name="Token">The token in the text encoder's input-embedding space (d values).</param>
/// <param name="Distribution">Weights over known concept names, summing to 1.</param>
/// <param name="Discovered">True for concepts added by class-distribution estimation.</param>
/// <param name="FoundAtStep">Training step at which it was admitted (0 for known concepts).</param>
/// <param name="How">How it was found, e.g. "gaussian z, seed 17, max p 0.41".</param>
public sealed record PoolEntry(string Id, float[] Token, IReadOnlyDictionary<string, double> Distribution,
    bool Discovered = false, int FoundAtStep = 0, string? How = null);
