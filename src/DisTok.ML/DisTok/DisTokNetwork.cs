using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>The trainable part of DisTok: the distribution encoder and the creative decoder.</summary>
public sealed class DisTokNetwork : nn.Module
{
    readonly DistributionEncoder encoder;
    readonly CreativeDecoder decoder;

    public DisTokNetwork(DisTokConfig config) : base(nameof(DisTokNetwork))
    {
        config.Validate();
        Config = config;
        encoder = new DistributionEncoder(config);
        decoder = new CreativeDecoder(config);
        RegisterComponents();
    }

    public DisTokConfig Config { get; }

    // mixed: (B, d) → z: (B, ω)
    public Tensor Encode(Tensor mixed) => encoder.forward(mixed);

    // z: (B, ω) → t_crt: (B, d)
    public Tensor Decode(Tensor z) => decoder.forward(z);
}
