namespace DisTok.ML.Vision;

/// <summary>
/// Post-hoc calibration: one temperature T for softmax(logits / T), chosen to minimise the negative
/// log-likelihood of held-out predictions (Guo et al. 2017). NLL is convex in 1/T, so a golden-section
/// search over log T in [0.05, 20] finds the minimum.
/// </summary>
public static class TemperatureScaling
{
    public const double MinTemperature = 0.05, MaxTemperature = 20.0;

    /// <summary>Mean negative log-likelihood of the labels under softmax(logits / T).</summary>
    public static double Nll(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        if (logits.Count == 0 || logits.Count != labels.Count) throw new ArgumentException($"need matching non-empty logits ({logits.Count}) and labels ({labels.Count})");
        double sum = 0;
        for (int i = 0; i < logits.Count; i++) sum -= Softmax.LogProbability(logits[i], labels[i], temperature);
        return sum / logits.Count;
    }

    /// <summary>The temperature with the lowest held-out NLL.</summary>
    public static double Fit(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, double tolerance = 1e-4)
    {
        double Loss(double logT) => Nll(logits, labels, Math.Exp(logT));
        double lo = Math.Log(MinTemperature), hi = Math.Log(MaxTemperature);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = Loss(a), fb = Loss(b);
        while (hi - lo > tolerance)
        {
            if (fa < fb) { hi = b; b = a; fb = fa; a = hi - ratio * (hi - lo); fa = Loss(a); }
            else { lo = a; a = b; fa = fb; b = lo + ratio * (hi - lo); fb = Loss(b); }
        }
        return Math.Exp((lo + hi) / 2);
    }
}
