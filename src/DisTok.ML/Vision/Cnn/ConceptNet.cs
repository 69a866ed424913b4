using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Vision.Cnn;

/// <summary>
/// The fine-tuned soft labeler's network: image (B, 3, S, S) RGB in [-1, 1] → bilinear resize to
/// <see cref="InputSide"/> → <see cref="ResNetTrunk"/> → global mean → dropout → Linear → (B, K) logits.
/// </summary>
public sealed class ConceptNet : nn.Module<Tensor, Tensor>
{
    readonly ResNetTrunk trunk;
    readonly Dropout dropout;
    readonly Linear classifier;

    public int InputSide { get; }
    public int Stages => trunk.Stages;
    public int Classes { get; }

    public ConceptNet(int classes, int stages, int inputSide, double dropoutRate = 0.2) : base(nameof(ConceptNet))
    {
        if (inputSide < 32 || inputSide > 512) throw new ArgumentOutOfRangeException(nameof(inputSide), inputSide, "input side must be 32–512");
        (InputSide, Classes) = (inputSide, classes);
        trunk = new ResNetTrunk(stages);
        dropout = nn.Dropout(dropoutRate);
        classifier = nn.Linear(trunk.OutChannels, classes);
        RegisterComponents();
    }

    /// <summary>The ImageNet weights of the ONNX package into the trunk (the classifier stays freshly initialised).</summary>
    public void LoadImageNet(byte[] resnet18Onnx) => ResNetOnnxWeights.LoadInto(trunk, resnet18Onnx);

    // x: (B, 3, S, S) RGB in [-1, 1] → (B, K) logits
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return classifier.forward(dropout.forward(Features(x))).MoveToOuterDisposeScope();
    }

    /// <summary>x: (B, 3, S, S) RGB in [-1, 1] → (B, C) pooled trunk features (no dropout, no classifier).</summary>
    public Tensor Features(Tensor x)
    {
        using var scope = NewDisposeScope();
        var input = x.shape[2] == InputSide && x.shape[3] == InputSide ? x
            : nn.functional.interpolate(x, [InputSide, InputSide], mode: InterpolationMode.Bilinear, align_corners: false);
        return trunk.forward(ResNetTrunk.Normalise(input)).mean([2, 3]).MoveToOuterDisposeScope();
    }
}
