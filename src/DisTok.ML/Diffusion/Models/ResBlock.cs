using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Models;

/// <summary>Residual block with FiLM conditioning: the joint embedding sets a per-channel scale and shift.</summary>
public sealed class ResBlock : nn.Module<Tensor, Tensor, Tensor>
{
    readonly GroupNorm norm1;
    readonly Conv2d conv1;
    readonly Linear film;
    readonly GroupNorm norm2;
    readonly Dropout dropout;
    readonly Conv2d conv2;
    readonly nn.Module<Tensor, Tensor> skip;

    public ResBlock(string name, int inChannels, int outChannels, int embedDim, int groups, double dropoutRate) : base(name)
    {
        norm1 = GroupNorms.Create(groups, inChannels);
        conv1 = nn.Conv2d(inChannels, outChannels, 3, padding: 1);
        film = nn.Linear(embedDim, 2 * outChannels);
        norm2 = GroupNorms.Create(groups, outChannels);
        dropout = nn.Dropout(dropoutRate);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1);
        skip = inChannels == outChannels ? nn.Identity() : nn.Conv2d(inChannels, outChannels, 1);
        RegisterComponents();
        // Start each block as (almost) the identity: the last conv begins at zero.
        using (no_grad()) { conv2.weight.zero_(); conv2.bias!.zero_(); }
    }

    // x: (B, Cin, H, W), emb: (B, E) → (B, Cout, H, W)
    public override Tensor forward(Tensor x, Tensor emb)
    {
        using var scope = NewDisposeScope();
        var h = conv1.forward(nn.functional.silu(norm1.forward(x)));
        var ss = film.forward(nn.functional.silu(emb)).unsqueeze(-1).unsqueeze(-1); // (B, 2·Cout, 1, 1)
        var (scale, shift) = (ss.chunk(2, 1)[0], ss.chunk(2, 1)[1]);
        h = norm2.forward(h) * (scale + 1) + shift;
        h = conv2.forward(dropout.forward(nn.functional.silu(h)));
        return (skip.forward(x) + h).MoveToOuterDisposeScope();
    }
}
