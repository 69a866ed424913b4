using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Vision.Cnn;

/// <summary>
/// The ResNet18 of Microsoft.ML.DnnImageFeaturizer.ResNet18 (He et al. 2016, a CNTK export) as a trainable
/// TorchSharp module, up to <c>stages</c> residual stages: conv 7×7/2 → BN → ReLU → max-pool 3×3/2 → stages of
/// basic blocks (64, 128, 256, 512 channels; 2, 2, 2 and 3 blocks: the export's last stage has a third block). Padding is the export's: stride-2 layers pad only top and left,
/// so the ImageNet weights read by <see cref="ResNetOnnxWeights"/> compute what they computed there.
/// Input: BGR, 0–255 minus the per-channel ImageNet mean (<see cref="Normalise"/>).
/// </summary>
public sealed class ResNetTrunk : nn.Module<Tensor, Tensor>
{
    static readonly int[] StageChannels = [64, 128, 256, 512];
    static readonly int[] StageBlocks = [2, 2, 2, 3];
    /// <summary>Per-channel means of the export's mean image, B, G, R (0–255).</summary>
    public static readonly float[] BgrMean = [103.06f, 115.90f, 123.15f];

    readonly Conv2d conv1;
    readonly BatchNorm2d bn1;
    readonly ModuleList<BasicBlock> blocks;

    public int Stages { get; }
    /// <summary>Channels of the output map.</summary>
    public int OutChannels => StageChannels[Stages - 1];

    public ResNetTrunk(int stages = 4) : base(nameof(ResNetTrunk))
    {
        if (stages < 1 || stages > 4) throw new ArgumentOutOfRangeException(nameof(stages), stages, "a ResNet18 trunk has 1 to 4 stages");
        Stages = stages;
        conv1 = nn.Conv2d(3, 64, 7, stride: 2, bias: false);
        bn1 = nn.BatchNorm2d(64);
        var list = new List<BasicBlock>();
        int inChannels = 64;
        for (int s = 0; s < stages; s++)
        {
            int c = StageChannels[s];
            for (int b = 0; b < StageBlocks[s]; b++)
                list.Add(new BasicBlock($"stage{s + 1}.{b}", b == 0 ? inChannels : c, c, b == 0 && s > 0 ? 2 : 1));
            inChannels = c;
        }
        blocks = nn.ModuleList(list.ToArray());
        RegisterComponents();
    }

    /// <summary>x: (B, 3, H, W) normalised BGR → (B, OutChannels, H/2^(stages+1), W/2^(stages+1)).</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(bn1.forward(conv1.forward(nn.functional.pad(x, [3, 2, 3, 2]))));
        h = nn.functional.max_pool2d(nn.functional.pad(h, [1, 0, 1, 0]), 3, 2); // after ReLU, zero padding = -inf padding
        foreach (var block in blocks) h = block.forward(h);
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>(B, 3, H, W) RGB in [-1, 1] → the trunk's input: BGR, 0–255, minus <see cref="BgrMean"/>.</summary>
    public static Tensor Normalise(Tensor rgb)
    {
        using var scope = NewDisposeScope();
        var bgr = rgb.flip(1).add(1).mul(127.5);
        var mean = tensor(BgrMean, device: rgb.device).reshape(1, 3, 1, 1);
        return (bgr - mean).MoveToOuterDisposeScope();
    }

    /// <summary>Convolutions and batch norms in the order the ONNX export lists them (a downsampling shortcut before its block's convs).</summary>
    internal IEnumerable<(Conv2d Conv, BatchNorm2d Norm)> LayersInExportOrder()
    {
        yield return (conv1, bn1);
        foreach (var block in blocks)
            foreach (var layer in block.LayersInExportOrder()) yield return layer;
    }
}

/// <summary>Two 3×3 convolutions with batch norm and a shortcut (1×1/2 conv + BN when the shape changes).</summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    readonly Conv2d conv1, conv2;
    readonly BatchNorm2d bn1, bn2;
    readonly Conv2d? downConv;
    readonly BatchNorm2d? downNorm;
    readonly int stride;

    public BasicBlock(string name, int inChannels, int outChannels, int stride) : base(name)
    {
        this.stride = stride;
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: stride == 1 ? 1 : 0, bias: false);
        bn1 = nn.BatchNorm2d(outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
        {
            downConv = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
            downNorm = nn.BatchNorm2d(outChannels);
        }
        RegisterComponents();
    }

    // x: (B, Cin, H, W) → (B, Cout, H/stride, W/stride)
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var input = stride == 1 ? x : nn.functional.pad(x, [1, 0, 1, 0]);  // the export pads a stride-2 conv top-left only
        var h = nn.functional.relu(bn1.forward(conv1.forward(input)));
        h = bn2.forward(conv2.forward(h));
        var shortcut = downConv is null ? x : downNorm!.forward(downConv.forward(x));
        return nn.functional.relu(h + shortcut).MoveToOuterDisposeScope();
    }

    internal IEnumerable<(Conv2d Conv, BatchNorm2d Norm)> LayersInExportOrder()
    {
        if (downConv is not null) yield return (downConv, downNorm!);
        yield return (conv1, bn1);
        yield return (conv2, bn2);
    }
}
