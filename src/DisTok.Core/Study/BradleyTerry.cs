namespace DisTok.Core.Study;

/// <summary>
/// Bradley–Terry strengths by maximum likelihood: P(i beats j) = π_i / (π_i + π_j). Fitted with the MM algorithm
/// (Hunter 2004): π_i ← W_i / Σ_j n_ij / (π_i + π_j), where W_i counts i's wins and n_ij the decided battles of i and j;
/// a tie counts as half a win for each side. Strengths are reported as θ_i = ln π_i centred to mean 0.
/// <para>
/// So that an arm that never wins (or never loses) still has a finite estimate, every arm also plays one virtual tie
/// against a reference of strength 1 (π = 1); this is a weak prior, worth one battle, and is stated on the results page.
/// </para>
/// </summary>
public static class BradleyTerry
{
    /// <summary>Virtual ties with the reference per arm, by default.</summary>
    public const double DefaultPriorBattles = 1.0;

    /// <summary>Fits strengths to a win matrix.</summary>
    /// <param name="wins">wins[i, j] = how often arm i beat arm j (ties added as 0.5 to both cells).</param>
    /// <param name="iterations">Most MM iterations.</param>
    /// <param name="tolerance">Stops when no ln π moves more than this.</param>
    /// <param name="priorBattles">Virtual ties of each arm with the reference (0: the plain MLE, which needs every arm to
    /// have won and lost at least once).</param>
    /// <returns>θ per arm, mean 0.</returns>
    /// <exception cref="ArgumentException">Not square, fewer than 2 arms, or a negative or non-finite count.</exception>
    public static double[] Fit(double[,] wins, int iterations = 10_000, double tolerance = 1e-10, double priorBattles = DefaultPriorBattles)
    {
        int k = wins.GetLength(0);
        if (k < 2 || wins.GetLength(1) != k) throw new ArgumentException($"need a square win matrix of at least 2 arms, got {wins.GetLength(0)}×{wins.GetLength(1)}");
        foreach (var w in wins)
            if (!(w >= 0) || !double.IsFinite(w)) throw new ArgumentException($"win counts must be finite and ≥ 0, got {w}");
        var pi = Enumerable.Repeat(1.0, k).ToArray();
        for (int it = 0; it < iterations; it++)
        {
            var next = new double[k];
            for (int i = 0; i < k; i++)
            {
                double won = priorBattles / 2, denominator = priorBattles / (pi[i] + 1);
                for (int j = 0; j < k; j++)
                {
                    if (j == i) continue;
                    won += wins[i, j];
                    double n = wins[i, j] + wins[j, i];
                    if (n > 0) denominator += n / (pi[i] + pi[j]);
                }
                next[i] = won / denominator;
            }
            if (priorBattles == 0)
            {
                // No reference fixes the scale: keep the geometric mean at 1.
                double g = Math.Exp(next.Average(p => Math.Log(p)));
                for (int i = 0; i < k; i++) next[i] /= g;
            }
            double moved = next.Zip(pi, (a, b) => Math.Abs(Math.Log(a) - Math.Log(b))).Max();
            pi = next;
            if (moved < tolerance) break;
        }
        var theta = pi.Select(p => Math.Log(p)).ToArray();
        double mean = theta.Average();
        return theta.Select(t => t - mean).ToArray();
    }
}
