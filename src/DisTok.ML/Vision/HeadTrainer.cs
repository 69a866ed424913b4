using static TorchSharp.torch;

namespace DisTok.ML.Vision;

/// <summary>Fits a <see cref="LabelerHead"/> to (features, label) pairs with AdamW, label smoothing and a cosine schedule.</summary>
public static class HeadTrainer
{
    /// <summary>features: N rows of D raw ResNet features; labels: N class indices in [0, classes).</summary>
    public static LabelerHead Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes,
        LabelerTrainOptions o, int seed, CancellationToken ct = default)
    {
        if (features.Count == 0 || features.Count != labels.Count) throw new ArgumentException($"need matching non-empty features ({features.Count}) and labels ({labels.Count})");
        int n = features.Count, d = features[0].Length;
        var (mean, std) = Moments(features, o.PowerNorm);

        // x: (N, D) standardised, y: (N)
        var flat = new float[n * d];
        for (int i = 0; i < n; i++) LabelerHead.Normalise(features[i], o.PowerNorm, mean, std).CopyTo(flat, i * d);
        if (o.IntraOpThreads > 0) set_num_threads(o.IntraOpThreads);
        manual_seed(seed);
        using var x = tensor(flat, new long[] { n, d });
        using var y = tensor(labels.Select(l => (long)l).ToArray());
        using var net = new LabelerHeadNetwork(d, o.Hidden, classes, o.Dropout);
        using var optimizer = optim.AdamW(net.parameters(), lr: o.LearningRate, weight_decay: o.WeightDecay);
        int stepsPerEpoch = (n + o.BatchSize - 1) / o.BatchSize;
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: o.Epochs * stepsPerEpoch);
        var order = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        net.train();
        for (int epoch = 0; epoch < o.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            random.Shuffle(order);
            for (int start = 0; start < n; start += o.BatchSize)
            {
                using var scope = NewDisposeScope();
                var batch = tensor(order.AsSpan(start, Math.Min(o.BatchSize, n - start)).ToArray().Select(i => (long)i).ToArray());
                var logits = net.forward(x.index_select(0, batch));                 // (B, K)
                var loss = nn.functional.cross_entropy(logits, y.index_select(0, batch), label_smoothing: o.LabelSmoothing);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                schedule.step();
            }
        }
        net.eval();
        return new LabelerHead(o.PowerNorm, mean, std, net.Export());
    }

    /// <summary>Per-dimension mean and standard deviation of the (optionally square-rooted) features; std floored at 1e-4.</summary>
    static (float[] Mean, float[] Std) Moments(IReadOnlyList<float[]> features, bool powerNorm)
    {
        int d = features[0].Length;
        var sum = new double[d];
        var squares = new double[d];
        foreach (var row in features)
            for (int j = 0; j < d; j++)
            {
                double v = powerNorm ? Math.Sqrt(Math.Max(row[j], 0f)) : row[j];
                sum[j] += v; squares[j] += v * v;
            }
        var mean = new float[d];
        var std = new float[d];
        for (int j = 0; j < d; j++)
        {
            double m = sum[j] / features.Count;
            mean[j] = (float)m;
            std[j] = (float)Math.Max(Math.Sqrt(Math.Max(squares[j] / features.Count - m * m, 0)), 1e-4);
        }
        return (mean, std);
    }
}
