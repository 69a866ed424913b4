using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DisTok.ML.Vision;

/// <summary>
/// Trainable form of the head: dropout → Linear(D, H) → ReLU → dropout → Linear(H, K),
/// or dropout → Linear(D, K) when <c>hidden</c> is 0. Exported to a <see cref="LabelerHead"/> after training.
/// </summary>
internal sealed class LabelerHeadNetwork : nn.Module<Tensor, Tensor>
{
    readonly Dropout inputDropout;
    readonly Linear first;
    readonly Dropout hiddenDropout;
    readonly Linear? second;

    public LabelerHeadNetwork(int inputs, int hidden, int classes, float dropout) : base(nameof(LabelerHeadNetwork))
    {
        inputDropout = nn.Dropout(dropout);
        first = nn.Linear(inputs, hidden > 0 ? hidden : classes);
        hiddenDropout = nn.Dropout(dropout);
        second = hidden > 0 ? nn.Linear(hidden, classes) : null;
        RegisterComponents();
    }

    /// <summary>x: (B, D) standardised features → (B, K) logits.</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = first.forward(inputDropout.forward(x));
        if (second is not null) h = second.forward(hiddenDropout.forward(nn.functional.relu(h)));
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>Copies the weights out as plain arrays.</summary>
    public IReadOnlyList<DenseLayer> Export()
    {
        var layers = new List<DenseLayer> { ToDense(first) };
        if (second is not null) layers.Add(ToDense(second));
        return layers;
    }

    static DenseLayer ToDense(Linear layer)
    {
        using var w = layer.weight!.detach().cpu(); // (out, in)
        using var b = layer.bias!.detach().cpu();   // (out)
        return new DenseLayer((int)w.shape[1], (int)w.shape[0], w.data<float>().ToArray(), b.data<float>().ToArray());
    }
}
