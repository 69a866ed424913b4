using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Models;

/// <summary>
/// GroupNorm with its affine parameters explicitly set to (weight 1, bias 0): TorchSharp 0.107's
/// nn.GroupNorm leaves them uninitialised (seen as NaN or garbage), which poisons the first forward pass.
/// </summary>
public static class GroupNorms
{
    public static GroupNorm Create(int groups, int channels)
    {
        var norm = nn.GroupNorm(groups, channels);
        using (no_grad())
        {
            norm.weight!.fill_(1f);
            norm.bias!.zero_();
        }
        return norm;
    }
}
