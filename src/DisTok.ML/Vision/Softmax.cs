namespace DisTok.ML.Vision;

/// <summary>Numerically stable softmax with a temperature.</summary>
public static class Softmax
{
    /// <summary>logits: (K) → probabilities softmax(logits / temperature), summing to 1.</summary>
    public static float[] Apply(ReadOnlySpan<float> logits, double temperature = 1.0)
    {
        if (temperature <= 0 || double.IsNaN(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be positive");
        double max = double.NegativeInfinity;
        foreach (var l in logits) max = Math.Max(max, l);
        var e = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < e.Length; i++) sum += e[i] = Math.Exp((logits[i] - max) / temperature);
        var p = new float[e.Length];
        for (int i = 0; i < p.Length; i++) p[i] = (float)(e[i] / sum);
        return p;
    }

    /// <summary>log softmax(logits / temperature)[index], in double precision.</summary>
    public static double LogProbability(ReadOnlySpan<float> logits, int index, double temperature)
    {
        double max = double.NegativeInfinity;
        foreach (var l in logits) max = Math.Max(max, l / temperature);
        double sum = 0;
        foreach (var l in logits) sum += Math.Exp(l / temperature - max);
        return logits[index] / temperature - max - Math.Log(sum);
    }
}
