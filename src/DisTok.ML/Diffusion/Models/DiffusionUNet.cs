using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Models;

/// <summary>
/// The denoiser of the embedded text-to-image model: a small UNet on 2×2 pixel patches, conditioned
/// on the diffusion time and on a sentence embedding through FiLM. Predicts the clean image x₀
/// from a noisy image x_t. Levels (64×64 image, patch 4): 16×16 → 8×8 → 4×4 with self-attention in the middle.
/// </summary>
public sealed class DiffusionUNet : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    readonly PixelUnshuffle patchify;
    readonly Conv2d convIn;
    readonly Sequential timeMlp;
    readonly Sequential textMlp;
    readonly ModuleList<ResBlock> down;
    readonly ModuleList<Conv2d> downsample;
    readonly ResBlock mid1;
    readonly SelfAttention2d midAttn;
    readonly ResBlock mid2;
    readonly ModuleList<ResBlock> up;
    readonly GroupNorm normOut;
    readonly Conv2d convOut;
    readonly PixelShuffle unpatchify;

    public UNetConfig Config { get; }

    public DiffusionUNet(UNetConfig config) : base(nameof(DiffusionUNet))
    {
        Config = config;
        var ch = config.LevelChannels;
        int e = config.EmbedDim, g = config.Groups;
        patchify = nn.PixelUnshuffle(config.PatchSize);
        convIn = nn.Conv2d(config.InputChannels, ch[0], 3, padding: 1);
        timeMlp = nn.Sequential(nn.Linear(128, e), nn.SiLU(), nn.Linear(e, e));
        textMlp = nn.Sequential(nn.Linear(config.ConditionDim, e), nn.SiLU(), nn.Linear(e, e));

        down = new ModuleList<ResBlock>();
        downsample = new ModuleList<Conv2d>();
        for (int i = 0; i < ch.Length; i++)
        {
            down.Add(new ResBlock($"down{i}", i == 0 ? ch[0] : ch[i - 1], ch[i], e, g, config.Dropout));
            if (i < ch.Length - 1) downsample.Add(nn.Conv2d(ch[i], ch[i], 3, stride: 2, padding: 1));
        }
        int deepest = ch[^1];
        mid1 = new ResBlock("mid1", deepest, deepest, e, g, config.Dropout);
        midAttn = new SelfAttention2d("midAttn", deepest, g);
        mid2 = new ResBlock("mid2", deepest, deepest, e, g, config.Dropout);

        up = new ModuleList<ResBlock>();
        int current = deepest;
        for (int i = ch.Length - 1; i >= 0; i--)
        {
            up.Add(new ResBlock($"up{i}", current + ch[i], ch[i], e, g, config.Dropout));
            current = ch[i];
        }
        normOut = GroupNorms.Create(g, ch[0]);
        convOut = nn.Conv2d(ch[0], config.InputChannels, 3, padding: 1);
        unpatchify = nn.PixelShuffle(config.PatchSize);
        RegisterComponents();
    }

    /// <param name="x">Noisy images x_t: (B, 3, S, S) in [-1, 1] scale.</param>
    /// <param name="t">Diffusion times: (B,) in [0, 1].</param>
    /// <param name="cond">Sentence embeddings: (B, 384); all zeros = unconditional.</param>
    /// <returns>Predicted x₀: (B, 3, S, S).</returns>
    public override Tensor forward(Tensor x, Tensor t, Tensor cond)
    {
        using var scope = NewDisposeScope();
        // The sentence embedding has unit length, so its entries are ~1/√384: scale them to unit
        // variance or the text signal starts ~20× weaker than the time signal and is learnt late.
        var text = textMlp.forward(cond * Math.Sqrt(Config.ConditionDim));
        var emb = timeMlp.forward(TimestepEmbedding.Sinusoidal(t, 128)) + text;                   // (B, E)
        var h = convIn.forward(patchify.forward(x));                                             // (B, C0, S/p, S/p)
        var skips = new List<Tensor>();
        for (int i = 0; i < down.Count; i++)
        {
            h = down[i].forward(h, emb);
            skips.Add(h);
            if (i < downsample.Count) h = downsample[i].forward(h);
        }
        h = mid2.forward(midAttn.forward(mid1.forward(h, emb)), emb);
        for (int i = 0; i < up.Count; i++)
        {
            h = up[i].forward(cat([h, skips[^(i + 1)]], 1), emb);
            if (i < up.Count - 1) // nearest-neighbour ×2; the next block's convolutions smooth it
                h = nn.functional.interpolate(h, scale_factor: [2.0, 2.0], mode: InterpolationMode.Nearest);
        }
        var x0 = unpatchify.forward(convOut.forward(nn.functional.silu(normOut.forward(h))));
        return x0.MoveToOuterDisposeScope();
    }
}
