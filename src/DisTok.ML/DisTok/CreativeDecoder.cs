using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>D_tok: latent z (ω) → creative token t_crt (token space, d). Two-layer MLP, as in the paper.</summary>
public sealed class CreativeDecoder : nn.Module<Tensor, Tensor>
{
    readonly Linear fc1;
    readonly GELU act;
    readonly Linear fc2;

    public CreativeDecoder(DisTokConfig config) : base(nameof(CreativeDecoder))
    {
        fc1 = nn.Linear(config.Latent, config.Hidden);
        act = nn.GELU();
        fc2 = nn.Linear(config.Hidden, config.TokenDim);
        RegisterComponents();
    }

    // z: (B, ω) → t_crt: (B, d)
    public override Tensor forward(Tensor z) => fc2.forward(act.forward(fc1.forward(z)));
}
