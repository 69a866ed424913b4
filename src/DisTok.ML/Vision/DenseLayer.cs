namespace DisTok.ML.Vision;

/// <summary>A fully connected layer as plain arrays: y = W·x + b.</summary>
/// <param name="Inputs">Input width.</param>
/// <param name="Outputs">Output width.</param>
/// <param name="Weight">(Outputs, Inputs), row-major.</param>
/// <param name="Bias">(Outputs).</param>
public sealed record DenseLayer(int Inputs, int Outputs, float[] Weight, float[] Bias)
{
    /// <summary>x: (Inputs) → (Outputs).</summary>
    public float[] Apply(ReadOnlySpan<float> x)
    {
        if (x.Length != Inputs) throw new ArgumentException($"layer expects {Inputs} inputs, got {x.Length}");
        var y = new float[Outputs];
        for (int o = 0; o < Outputs; o++)
        {
            var row = Weight.AsSpan(o * Inputs, Inputs);
            float sum = Bias[o];
            for (int i = 0; i < Inputs; i++) sum += row[i] * x[i];
            y[o] = sum;
        }
        return y;
    }

    /// <summary>Checks the array lengths against the declared shape.</summary>
    public void Validate()
    {
        if (Inputs <= 0 || Outputs <= 0 || Weight.Length != Inputs * Outputs || Bias.Length != Outputs)
            throw new InvalidDataException($"dense layer {Outputs}×{Inputs} has {Weight.Length} weights and {Bias.Length} biases");
    }
}
