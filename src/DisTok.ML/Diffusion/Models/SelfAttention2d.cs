using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Models;

/// <summary>Multi-head self-attention over the pixels of a small feature map (used at the lowest resolution).</summary>
public sealed class SelfAttention2d : nn.Module<Tensor, Tensor>
{
    readonly GroupNorm norm;
    readonly Conv2d qkv;
    readonly Conv2d proj;
    readonly int heads;

    public SelfAttention2d(string name, int channels, int groups, int heads = 4) : base(name)
    {
        if (channels % heads != 0) throw new ArgumentException($"channels {channels} not divisible by heads {heads}");
        this.heads = heads;
        norm = GroupNorms.Create(groups, channels);
        qkv = nn.Conv2d(channels, 3 * channels, 1);
        proj = nn.Conv2d(channels, channels, 1);
        RegisterComponents();
        using (no_grad()) { proj.weight.zero_(); proj.bias!.zero_(); }
    }

    // x: (B, C, H, W) → (B, C, H, W)
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3], d = c / heads;
        var t = qkv.forward(norm.forward(x)).reshape(b, 3, heads, d, h * w); // (B, 3, heads, d, N)
        var q = t.select(1, 0).transpose(-1, -2);                            // (B, heads, N, d)
        var k = t.select(1, 1);                                               // (B, heads, d, N)
        var v = t.select(1, 2).transpose(-1, -2);                            // (B, heads, N, d)
        var attn = (q.matmul(k) / Math.Sqrt(d)).softmax(-1);                 // (B, heads, N, N)
        var o = attn.matmul(v).transpose(-1, -2).reshape(b, c, h, w);
        return (x + proj.forward(o)).MoveToOuterDisposeScope();
    }
}
