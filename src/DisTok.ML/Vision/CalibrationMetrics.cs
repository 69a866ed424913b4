namespace DisTok.ML.Vision;

/// <summary>Accuracy and calibration of probabilistic predictions.</summary>
public static class CalibrationMetrics
{
    /// <summary>Share of rows whose most probable class is the label.</summary>
    public static double Top1(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels)
    {
        if (probabilities.Count == 0) return 0;
        int hits = 0;
        for (int i = 0; i < probabilities.Count; i++) if (ArgMax(probabilities[i]) == labels[i]) hits++;
        return (double)hits / probabilities.Count;
    }

    /// <summary>
    /// Expected calibration error: rows are binned by confidence (max probability) into <paramref name="bins"/>
    /// equal-width bins over (0, 1]; ECE = Σ_b (n_b / N) · |accuracy_b − mean confidence_b|.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, int bins = 15)
    {
        if (probabilities.Count == 0 || probabilities.Count != labels.Count) throw new ArgumentException($"need matching non-empty probabilities ({probabilities.Count}) and labels ({labels.Count})");
        var count = new int[bins];
        var correct = new double[bins];
        var confidence = new double[bins];
        for (int i = 0; i < probabilities.Count; i++)
        {
            int k = ArgMax(probabilities[i]);
            double c = probabilities[i][k];
            int b = Math.Clamp((int)Math.Ceiling(c * bins) - 1, 0, bins - 1); // bin b holds (b/bins, (b+1)/bins]
            count[b]++;
            confidence[b] += c;
            if (k == labels[i]) correct[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++)
            if (count[b] > 0) ece += (double)count[b] / probabilities.Count * Math.Abs(correct[b] / count[b] - confidence[b] / count[b]);
        return ece;
    }

    /// <summary>Index of the largest value (first one on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
