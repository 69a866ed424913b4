using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DisTok.ML.Data;
using DisTok.ML.Diffusion.Hybrids;
using DisTok.ML.Diffusion.Models;
using DisTok.ML.Imaging;
using DisTok.ML.Diffusion.Schedulers;
using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Training;

/// <summary>
/// Trains the embedded text-to-image model on the emoji data set: x₀-prediction on the cosine
/// schedule, captions that vary template and style word, condition dropout for classifier-free
/// guidance, AdamW with warm-up and cosine decay, and an EMA of the weights that is what we save.
/// </summary>
public sealed class DiffusionTrainer(DiffusionTrainOptions options, Func<IReadOnlyList<string>, float[][]> encodeCaptions)
{
    /// <summary>
    /// Runs the training and writes checkpoints into <paramref name="outputDir"/>. With
    /// <paramref name="resumeFrom"/> the run starts from that checkpoint's weights and step.
    /// </summary>
    /// <paramref name="hybrids"/>, when given, supplies <see cref="DiffusionTrainOptions.HybridShare"/> of every batch.
    public DiffusionTrainResult Train(EmojiDataset data, string outputDir, string command,
        IProgress<DiffusionTrainProgress>? progress = null, CancellationToken ct = default, string? resumeFrom = null, HybridSet? hybrids = null)
    {
        options.Validate();
        if (options.Threads > 0) set_num_threads(options.Threads);
        manual_seed(options.Seed);
        var rng = new Random(options.Seed);
        var noiseGen = new Generator((ulong)options.Seed);

        // 1. Data: images (N, 3, S, S) in [-1, 1], emoji first then hybrids; every caption's sentence embedding (M, 384).
        var (images, captionIds, embeddings) = Prepare(data, hybrids, progress);
        int emoji = data.Images.Count, n = (int)images.shape[0];
        double hybridShare = n > emoji ? options.HybridShare : 0;

        // 2. Model, its EMA shadow, optimiser.
        int startStep = 0;
        var model = new DiffusionUNet(options.ModelConfig);
        if (resumeFrom is not null)
        {
            var (loaded, manifest) = DiffusionCheckpoint.Load(resumeFrom);
            model.load_state_dict(loaded.state_dict());
            loaded.Dispose();
            startStep = manifest.Step;
        }
        var ema = new DiffusionUNet(options.ModelConfig);
        var averager = new ExponentialMovingAverage(model, ema, options.EmaDecay);
        averager.Reset();
        model.train();
        var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);

        var runConfig = JsonSerializer.SerializeToNode(options with { Model = null })!.AsObject();
        runConfig.Remove("Model");
        if (hybrids is not null)
            runConfig["hybrids"] = new JsonObject
            {
                ["data_hash"] = hybrids.Manifest.DataHash, ["images"] = hybrids.Images.Count,
                ["generator_sha256"] = hybrids.Manifest.GeneratorSha256, ["command"] = hybrids.Manifest.Command,
            };
        var clock = Stopwatch.StartNew();
        double lossAvg = double.NaN;
        int b = options.BatchSize, endStep = startStep + options.Steps;
        for (int step = startStep; step < endStep; step++)
        {
            ct.ThrowIfCancellationRequested();
            using (var scope = NewDisposeScope())
            {
                // 3. A batch: random images, random horizontal flips, one random caption each, some dropped.
                var idx = new long[b]; var cap = new long[b]; var keep = new float[b]; var flip = new bool[b]; var t = new double[b];
                for (int k = 0; k < b; k++)
                {
                    idx[k] = rng.NextDouble() < hybridShare ? rng.Next(emoji, n) : rng.Next(emoji);
                    var choices = captionIds[idx[k]];
                    cap[k] = choices[rng.Next(choices.Length)];
                    keep[k] = rng.NextDouble() < options.ConditionDropout ? 0f : 1f;
                    flip[k] = rng.Next(2) == 1;
                    t[k] = (k + rng.NextDouble()) / b; // stratified times: lower-variance loss
                }
                var x0 = images.index(tensor(idx));
                x0 = where(tensor(flip).reshape(-1, 1, 1, 1), x0.flip(3), x0);
                var cond = embeddings.index(tensor(cap)) * tensor(keep).unsqueeze(1);

                // 4. Noise, predict x₀, regress.
                var noise = randn(x0.shape, generator: noiseGen);
                var (xt, _) = DdimScheduler.AddNoise(x0, noise, t);
                var x0Pred = model.forward(xt, tensor(t.Select(v => (float)v).ToArray()), cond);
                var loss = nn.functional.mse_loss(x0Pred, x0);

                foreach (var g in optimizer.ParamGroups) g.LearningRate = LearningRateAt(step - startStep); // a resumed run gets its own warm-up and decay
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                averager.Update(step);

                double l = loss.item<float>();
                if (!double.IsFinite(l)) throw new InvalidOperationException($"training diverged at step {step + 1} (loss {l}); lower the learning rate");
                lossAvg = double.IsNaN(lossAvg) ? l : 0.98 * lossAvg + 0.02 * l;
            }

            int done = step + 1 - startStep;
            if (done % 10 == 0 || step + 1 == endStep)
            {
                double sps = done * b / clock.Elapsed.TotalSeconds;
                var eta = TimeSpan.FromSeconds((endStep - step - 1) * b / Math.Max(sps, 1e-9));
                progress?.Report(new DiffusionTrainProgress(step + 1, endStep, lossAvg, sps, eta));
            }
            if (options.CheckpointEvery > 0 && (step + 1) % options.CheckpointEvery == 0 && step + 1 < endStep)
                Save(ema, outputDir, runConfig, data, command, step + 1, lossAvg, clock.Elapsed);
        }
        var final = Save(ema, outputDir, runConfig, data, command, endStep, lossAvg, clock.Elapsed);
        model.Dispose(); ema.Dispose(); images.Dispose(); embeddings.Dispose();
        return new DiffusionTrainResult(endStep, lossAvg, clock.Elapsed, final.Sha256);
    }

    double LearningRateAt(int step)
    {
        if (step < options.WarmupSteps) return options.LearningRate * (step + 1) / options.WarmupSteps;
        // cosine decay to 10 % over the rest of the planned run
        double p = Math.Clamp((double)(step - options.WarmupSteps) / Math.Max(1, options.Steps - options.WarmupSteps), 0, 1);
        return options.LearningRate * (0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * p)));
    }

    ModelFiles.ModelManifest Save(DiffusionUNet ema, string dir, JsonObject runConfig, EmojiDataset data, string command, int step, double loss, TimeSpan elapsed)
    {
        var metrics = new JsonObject { ["train_loss_ema"] = Math.Round(loss, 5), ["train_seconds"] = Math.Round(elapsed.TotalSeconds) };
        return DiffusionCheckpoint.Save(ema, dir, runConfig, data.Manifest.DataHash, command, step, metrics);
    }

    (Tensor Images, long[][] CaptionIds, Tensor Embeddings) Prepare(EmojiDataset data, HybridSet? hybrids, IProgress<DiffusionTrainProgress>? progress)
    {
        int s = data.Manifest.Size;
        if (data.Images.Count == 0) throw new InvalidDataException("the emoji data set has no images");
        if (hybrids is not null && hybrids.Manifest.Size != s)
            throw new InvalidDataException($"the hybrid set has {hybrids.Manifest.Size}-pixel images, the emoji data set {s}");
        var rows = data.Images.Select(img => (img.Rgb, CaptionBuilder.For(img.Entry.Concept, img.Entry.Style)))
            .Concat(hybrids?.Images.Select(h => (h.Rgb, CaptionBuilder.ForHybrid(h.Entry))) ?? [])
            .ToArray();
        int n = rows.Length;
        var captions = new List<string>();
        var captionIndex = new Dictionary<string, long>();
        var ids = new long[n][];
        for (int i = 0; i < n; i++)
        {
            ids[i] = rows[i].Item2.Select(c =>
            {
                if (!captionIndex.TryGetValue(c, out var id)) { id = captions.Count; captionIndex[c] = id; captions.Add(c); }
                return id;
            }).ToArray();
        }
        progress?.Report(new DiffusionTrainProgress(0, options.Steps, double.NaN, 0, TimeSpan.Zero, $"encoding {captions.Count} captions"));
        var vectors = encodeCaptions(captions);
        var flat = vectors.SelectMany(v => v).ToArray();
        var embeddings = tensor(flat).reshape(captions.Count, -1);
        var images = ImageTensors.FromRgb(rows.Select(r => r.Rgb).ToArray(), s); // (N, 3, S, S) in [-1, 1]
        return (images, ids, embeddings);
    }
}

/// <summary>What a finished run reports.</summary>
public sealed record DiffusionTrainResult(int Steps, double FinalLoss, TimeSpan Elapsed, string WeightsSha256);
