using DisTok.ML.Data;
using DisTok.ML.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.Vision.Cnn;

/// <summary>
/// Fine-tunes <see cref="ConceptNet"/> (ImageNet ResNet18 trunk + new classifier) on real emoji art only:
/// every epoch one random view of each image (generator-like blur, low resolution, noise, colour and geometry,
/// sometimes line art, sometimes its drawing in another concept's colours learnt as half each), half the batches mixed by MixUp or CutMix with soft targets in proportion, smoothed labels,
/// AdamW with warm-up and cosine decay (the pretrained trunk at a lower rate). Seeded: same inputs, same weights.
/// </summary>
public static class CnnLabelerTrainer
{
    /// <summary>Trains on <paramref name="rows"/> of <paramref name="images"/>; labels are class indices.</summary>
    public static ConceptNet Train(IReadOnlyList<EmojiImage> images, int[] labels, IReadOnlyList<int> rows, int classes,
        CnnLabelerOptions o, int seed, byte[] resnet18Onnx, Action<int, int>? onEpoch = null, CancellationToken ct = default)
    {
        o.Validate();
        if (rows.Count < o.BatchSize) throw new ArgumentException($"need at least one batch ({o.BatchSize}) of training images, got {rows.Count}");
        if (o.Threads > 0) set_num_threads(o.Threads);
        manual_seed(seed);
        var random = new Random(seed);
        var net = new ConceptNet(classes, o.Stages, o.InputSide, o.Dropout);
        net.LoadImageNet(resnet18Onnx);
        var (trunkParams, headParams) = Split(net);
        using var trunkOpt = optim.AdamW(trunkParams, o.LearningRate * o.TrunkLearningRateScale, weight_decay: o.WeightDecay);
        using var headOpt = optim.AdamW(headParams, o.LearningRate, weight_decay: o.WeightDecay);
        int stepsPerEpoch = rows.Count / o.BatchSize, total = stepsPerEpoch * o.Epochs, warmup = Math.Max(1, total / 20);
        var order = rows.ToArray();
        int size = images[0].Size;
        net.train();
        for (int epoch = 0, step = 0; epoch < o.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (int b = 0; b < stepsPerEpoch; b++, step++)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batch = order.AsSpan(b * o.BatchSize, o.BatchSize).ToArray();
                var partner = new long[batch.Length];
                var weight = new float[batch.Length];
                var views = new byte[batch.Length][];
                for (int k = 0; k < batch.Length; k++)
                {
                    int i = batch[k], j = i;
                    if (random.NextDouble() < o.ShapeColourProbability)
                        for (int tries = 0; tries < 8 && labels[j] == labels[i]; tries++) j = order[random.Next(order.Length)];
                    (partner[k], weight[k]) = j == i || labels[j] == labels[i] ? (labels[i], 1f) : (labels[j], 0.5f);
                    var rgb = weight[k] < 1f ? ShapeColourMix.Recolour(images[i].Rgb, images[j].Rgb, size) : images[i].Rgb;
                    views[k] = View(rgb, size, o, random);
                }
                var x = ImageTensors.FromRgb(views, size);                                         // (B, 3, S, S)
                var y = SoftMixes.Targets(batch.Select(i => (long)labels[i]).ToArray(), partner, weight, classes, o.LabelSmoothing); // (B, K)
                if (random.NextDouble() < o.MixProbability) (x, y) = Mix(x, y, o, random, size);
                var loss = SoftMixes.SoftCrossEntropy(net.forward(x), y);
                double scale = step < warmup ? (step + 1.0) / warmup : 0.5 * (1 + Math.Cos(Math.PI * (step - warmup) / Math.Max(1, total - warmup)));
                foreach (var g in trunkOpt.ParamGroups) g.LearningRate = o.LearningRate * o.TrunkLearningRateScale * scale;
                foreach (var g in headOpt.ParamGroups) g.LearningRate = o.LearningRate * scale;
                trunkOpt.zero_grad(); headOpt.zero_grad();
                loss.backward();
                trunkOpt.step(); headOpt.step();
                if (!float.IsFinite(loss.item<float>())) throw new InvalidOperationException($"labeler training diverged at epoch {epoch + 1}; lower the learning rate");
            }
            onEpoch?.Invoke(epoch + 1, o.Epochs);
        }
        net.eval();
        return net;
    }

    /// <summary>One random training view: line art with <see cref="CnnLabelerOptions.OutlineProbability"/>, else an augmentation.</summary>
    static byte[] View(byte[] rgb, int size, CnnLabelerOptions o, Random random)
    {
        var a = o.AugmentationOrDefault;
        if (random.NextDouble() < o.OutlineProbability)
        {
            var shaped = ImageAugmenter.Augment(rgb, size, a with { BlurProbability = 0, LowResProbability = 0, NoiseProbability = 0 }, random);
            return OutlineRenderer.Render(shaped, size, edgeFraction: 0.08f + 0.08f * (float)random.NextDouble());
        }
        return ImageAugmenter.Augment(rgb, size, a, random);
    }

    /// <summary>MixUp or CutMix (even odds) of the batch with a shuffled copy of itself.</summary>
    static (Tensor X, Tensor Y) Mix(Tensor x, Tensor y, CnnLabelerOptions o, Random random, int size)
    {
        var perm = Enumerable.Range(0, (int)x.shape[0]).Select(i => (long)i).ToArray();
        random.Shuffle(perm);
        float lambda = SoftMixes.Beta(o.MixAlpha, random);
        if (random.Next(2) == 0) return SoftMixes.MixUp(x, y, perm, lambda);
        var (top, left, h, w) = SoftMixes.Box(size, lambda, random);
        var (mx, my, _) = SoftMixes.CutMix(x, y, perm, top, left, h, w);
        return (mx, my);
    }

    /// <summary>The trunk's parameters and the classifier's.</summary>
    static (IEnumerable<TorchSharp.Modules.Parameter> Trunk, IEnumerable<TorchSharp.Modules.Parameter> Head) Split(ConceptNet net)
    {
        var named = net.named_parameters().ToList();
        return (named.Where(p => p.name.StartsWith("trunk.", StringComparison.Ordinal)).Select(p => p.parameter).ToList(),
                named.Where(p => !p.name.StartsWith("trunk.", StringComparison.Ordinal)).Select(p => p.parameter).ToList());
    }

    /// <summary>Logits of (S, S, 3) images, in batches, eval mode, averaged with the mirror's when <paramref name="flip"/>. (N, K).</summary>
    public static float[][] Logits(ConceptNet net, IReadOnlyList<byte[]> rgb, int size, bool flip, int batch = 64)
    {
        net.eval();
        var result = new float[rgb.Count][];
        using var _ = no_grad();
        for (int start = 0; start < rgb.Count; start += batch)
        {
            using var scope = NewDisposeScope();
            var part = rgb.Skip(start).Take(batch).ToArray();
            var x = ImageTensors.FromRgb(part, size);
            var logits = net.forward(x);
            if (flip) logits = (logits + net.forward(x.flip(3))) / 2;
            var flat = logits.contiguous().data<float>().ToArray();
            int k = (int)logits.shape[1];
            for (int i = 0; i < part.Length; i++) result[start + i] = flat.AsSpan(i * k, k).ToArray();
        }
        return result;
    }
}
