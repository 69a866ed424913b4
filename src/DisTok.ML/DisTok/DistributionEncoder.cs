using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>
/// E_dis: a mixed token Σ p(i)·t_i (token space, d) → latent z (ω). Two-layer MLP, as in the paper.
/// It never sees a K-dimensional layout, so the concept pool can grow without changing the network.
/// </summary>
public sealed class DistributionEncoder : nn.Module<Tensor, Tensor>
{
    readonly Linear fc1;
    readonly GELU act;
    readonly Linear fc2;

    public DistributionEncoder(DisTokConfig config) : base(nameof(DistributionEncoder))
    {
        fc1 = nn.Linear(config.TokenDim, config.Hidden);
        act = nn.GELU();
        fc2 = nn.Linear(config.Hidden, config.Latent);
        RegisterComponents();
    }

    // mixed: (B, d) → z: (B, ω)
    public override Tensor forward(Tensor mixed) => fc2.forward(act.forward(fc1.forward(mixed)));
}
