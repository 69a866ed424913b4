using System.Text.Json.Serialization;

namespace DisTok.ML.Diffusion.Models;

/// <summary>Hyper-parameters of <see cref="DiffusionUNet"/>; saved beside the weights.</summary>
/// <param name="ImageSize">Side of the generated RGB image in pixels (64).</param>
/// <param name="PatchSize">Pixel-unshuffle factor: the UNet works on (3·p², S/p, S/p) patches, so a 64×64 image costs a 16×16 UNet (4× cheaper per halving).</param>
/// <param name="Channels">Feature channels per resolution level, highest resolution first.</param>
/// <param name="ConditionDim">Size of the text condition (the MiniLM sentence embedding, 384).</param>
/// <param name="EmbedDim">Size of the joint time + text embedding fed to every residual block (FiLM).</param>
/// <param name="Groups">GroupNorm groups.</param>
/// <param name="Dropout">Dropout inside residual blocks during training.</param>
public sealed record UNetConfig(
    int ImageSize = 64,
    int PatchSize = 4,
    int[]? Channels = null,
    int ConditionDim = 384,
    int EmbedDim = 256,
    int Groups = 16,
    double Dropout = 0.0)
{
    [JsonIgnore] public int[] LevelChannels => Channels ?? [64, 128, 256];
    [JsonIgnore] public int InputChannels => 3 * PatchSize * PatchSize;
}
