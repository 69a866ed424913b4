using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.ML.ModelFiles;
using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>
/// DisTok inference (method.md §4): distribution → Σ p(i)·t_i → E_dis → z → D_tok → t_crt in one forward pass;
/// unconditional tokens from a prior latent; latent morphs between two tokens' sources. Deterministic for a
/// given input and seed. Thread-safe (one forward at a time).
/// </summary>
public sealed class DisTokModel : IDisposable
{
    public const string TextEncoderName = "all-MiniLM-L6-v2";

    readonly DisTokNetwork network;
    readonly Lock gate = new();

    DisTokModel(DisTokNetwork network, ConceptPool pool, ModelManifest manifest)
    {
        this.network = network;
        Pool = pool;
        Manifest = manifest;
        Stamp = new ModelStamp(manifest.Sha256[..12], manifest.Sha256, TextEncoderName, network.Config.TokenDim);
    }

    /// <summary>Loads a verified checkpoint folder (e.g. models/distok).</summary>
    public static DisTokModel Load(string directory)
    {
        var (network, pool, manifest) = DisTokCheckpoint.Load(directory);
        return new DisTokModel(network, pool, manifest);
    }

    public ConceptPool Pool { get; }
    public ModelManifest Manifest { get; }
    public ModelStamp Stamp { get; }
    public DisTokConfig Config => network.Config;

    /// <summary>What a token file made by this model must match.</summary>
    public TokenExpectations Expectations => new(Config.TokenDim, TextEncoderName, Stamp.Sha256);

    /// <summary>θ2 the model was trained with (the paper's 0.80 when the manifest does not say).</summary>
    public double Theta2 => Manifest.Metrics["theta2_used"]?.GetValue<double>() ?? 0.80;

    /// <summary>The known concepts' names (the names a distribution may use).</summary>
    public IReadOnlyList<string> KnownConcepts => Pool.Known.Select(e => e.Id).ToList();

    /// <summary>p → z (ω values).</summary>
    public float[] Latent(ConceptDistribution distribution) =>
        Run(() => network.Encode(tensor(Pool.MixedToken(distribution.ToDictionary()), [1, Config.TokenDim])));

    /// <summary>z (ω values) → t_crt (d values).</summary>
    public float[] Decode(float[] latent)
    {
        if (latent.Length != Config.Latent) throw new ArgumentException($"a latent has {Config.Latent} values, got {latent.Length}");
        return Run(() => network.Decode(tensor(latent, [1, Config.Latent])));
    }

    /// <summary>The latent a token source stands for: E_dis of its distribution, or its prior draw.</summary>
    public float[] LatentOf(TokenSource source) => source switch
    {
        { Prior: { } prior, Seed: { } seed } => PriorSampler.Sample(prior, seed, Config.Latent, source.Temperature ?? 1.0),
        { Distribution: { } d } => Latent(ConceptDistribution.Create(d, n => Pool.IsKnown(n) ? n : null, Pool.Count)),
        _ => throw new ArgumentException($"a token made by '{source.Kind}' has no latent to start from"),
    };

    /// <summary>One creative token for a distribution.</summary>
    public CreativeToken TokenFor(ConceptDistribution distribution, string? name = null) =>
        new(Decode(Latent(distribution)), TokenSource.FromDistribution(distribution), Stamp, DateTimeOffset.UtcNow, name);

    /// <summary>An unconditional token from a prior latent (temperature scales it).</summary>
    public CreativeToken TokenFromPrior(PriorKind prior, int seed, double temperature = 1.0, string? name = null) =>
        new(Decode(PriorSampler.Sample(prior, seed, Config.Latent, temperature)), TokenSource.FromPrior(prior, seed, temperature), Stamp, DateTimeOffset.UtcNow, name);

    /// <summary>frames ≥ 2 tokens decoded along the straight line between two latents (both ends included).</summary>
    public IReadOnlyList<float[]> Morph(float[] fromLatent, float[] toLatent, int frames)
    {
        if (frames is < 2 or > 64) throw new ArgumentException($"a morph has 2 to 64 frames, got {frames}");
        return Enumerable.Range(0, frames).Select(k =>
        {
            float w = k / (float)(frames - 1);
            return Decode(fromLatent.Zip(toLatent, (a, b) => (1 - w) * a + w * b).ToArray());
        }).ToList();
    }

    float[] Run(Func<Tensor> forward)
    {
        lock (gate)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            return forward().data<float>().ToArray();
        }
    }

    public void Dispose() => network.Dispose();
}
