using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DisTok.Core.Tokens;
using DisTok.ML.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.DisTok;

/// <summary>
/// Trains E_dis and D_tok with the frozen text encoder (method.md §3). Each optimiser step accumulates n
/// samples; each sample runs concept fusion (L_mix) or, once discovered concepts exist, distribution
/// consistency (L_cst); L_reg acts on the step's latents; every few steps class-distribution estimation
/// renders decoded latents, asks the soft labeler and admits what is not simply one known concept.
/// </summary>
public sealed class DisTokTrainer(MiniLmTextEncoder encoder, DisTokTrainOptions options)
{
    public const string CreativeTemplate = "a photo of a <*>";   // q_a
    public const string ReferenceTemplate = "a <*> <*>";         // q_r = "a c1 c2", both concepts as tokens

    readonly Dictionary<(string, string), float[]> referenceCache = new();
    readonly Dictionary<string, float[]> discoveredCache = new();
    double theta2;

    /// <summary>θ2 in use (after calibration, when asked for).</summary>
    public double Theta2 => theta2;

    /// <summary>Runs before every optimiser step and every estimation render; a host that shares the machine can wait
    /// here while its interactive work runs (the web app yields to generation this way).</summary>
    public Action<CancellationToken>? BetweenSteps { get; init; }

    /// <summary>Called every <see cref="InspectEvery"/> steps with the step and the current decoder: z (ω values) → t_crt (d values).</summary>
    public Action<int, Func<float[], float[]>>? Inspect { get; init; }

    /// <summary>Steps between <see cref="Inspect"/> calls (0 = never).</summary>
    public int InspectEvery { get; init; }

    /// <summary>
    /// Trains into run.OutDir up to <see cref="DisTokTrainOptions.Steps"/> steps, from <paramref name="known"/>
    /// (a fresh run) or from the checkpoint in run.OutDir (<paramref name="resume"/>).
    /// estimate: token, seed → the labeler's probabilities over <paramref name="concepts"/> (null: no pool growth).
    /// </summary>
    public DisTokTrainResult Train(IReadOnlyList<PoolEntry> known, DisTokRun run,
        Func<float[], int, float[]>? estimate, IReadOnlyList<string> concepts, bool resume = false,
        IProgress<DisTokTrainProgress>? progress = null, CancellationToken ct = default)
    {
        options.Validate();
        if (options.Threads > 0) set_num_threads(options.Threads);
        manual_seed(options.Seed);
        DisTokNetwork network; ConceptPool pool; int start;
        if (resume)
        {
            (network, pool, var manifest) = DisTokCheckpoint.Load(run.OutDir);
            start = manifest.Step;
            if (start >= options.Steps) throw new ArgumentException($"the checkpoint in '{run.OutDir}' is at step {start}; ask for more steps than that to resume");
        }
        else (network, pool, start) = (new DisTokNetwork(new DisTokConfig(TokenDim: encoder.Dimension)), new ConceptPool(known), 0);
        network.train();
        using var optimizer = optim.Adam(network.parameters(), lr: options.LearningRate);
        using var aesthetic = encoder.EncodeBatch([options.AestheticPrompt]);             // E(q_s): (1, d)
        theta2 = options.CalibrateTheta2 ? CalibratedTheta2(pool, aesthetic) : options.Theta2;
        progress?.Report(new DisTokTrainProgress(start, options.Steps, double.NaN, double.NaN, double.NaN, pool.Count, pool.DiscoveredCount, 0, TimeSpan.Zero,
            $"θ1 {options.Theta1:F3}, θ2 {theta2:F3}{(options.CalibrateTheta2 ? " (calibrated)" : "")}"));
        var clock = Stopwatch.StartNew();
        var (mix, cst, reg) = (double.NaN, double.NaN, double.NaN);
        int step = start;
        for (; step < options.Steps && !ct.IsCancellationRequested; step++)
        {
            BetweenSteps?.Invoke(ct);
            if (ct.IsCancellationRequested) break;
            (mix, cst, reg) = Step(network, optimizer, pool, aesthetic, new Random(unchecked(options.Seed * 1_000_003 + step)));
            int done = step + 1;
            if (estimate is not null && options.GrowsPool && done % options.EstimationEvery == 0)
                Estimate(network, pool, estimate, concepts, done, progress);
            double rate = (done - start) * options.Accumulation / clock.Elapsed.TotalSeconds;
            var eta = TimeSpan.FromSeconds((options.Steps - done) * options.Accumulation / Math.Max(rate, 1e-9));
            progress?.Report(new DisTokTrainProgress(done, options.Steps, mix, cst, reg, pool.Count, pool.DiscoveredCount, rate, eta));
            if (Inspect is not null && InspectEvery > 0 && (done % InspectEvery == 0 || done == options.Steps))
                Inspect(done, latent => DecodeLatent(network, latent));
            if (done % options.CheckpointEvery == 0 && done < options.Steps) Save(run, network, pool, done, mix, cst, reg, clock.Elapsed, progress);
        }
        var saved = Save(run, network, pool, step, mix, cst, reg, clock.Elapsed, progress);
        double samplesPerSecond = (step - start) * options.Accumulation / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        network.Dispose();
        return new DisTokTrainResult(step, mix, cst, reg, pool.Count, pool.DiscoveredCount, clock.Elapsed, samplesPerSecond, saved, ct.IsCancellationRequested);
    }

    // One optimiser step over n accumulated samples → (mean L_mix, mean L_cst, L_reg)
    (double Mix, double Cst, double Reg) Step(DisTokNetwork network, optim.Optimizer optimizer, ConceptPool pool, Tensor aesthetic, Random rng)
    {
        using var scope = NewDisposeScope();
        int n = options.Accumulation, d = pool.Dimension;
        var mixed = new float[n * d];
        var mixRows = new List<long>(); var cstRows = new List<long>(); var anchorRows = new List<long>();
        var pairs = new List<(PoolEntry, PoolEntry)>(); var targets = new List<PoolEntry>();
        for (int i = 0; i < n; i++)
        {
            // 1. choose the task: I_mix + I_cst (+ I_one, ours) = 1
            bool anchor = rng.NextDouble() < options.AnchorProbability;
            bool consistency = !anchor && options.UsesConsistency && pool.DiscoveredCount > 0 && rng.NextDouble() < options.ConsistencyProbability;
            float[] input;
            if (anchor)
            {
                var known = pool.SampleKnown(rng);
                input = (float[])known.Token.Clone();                                      // t_c: the concept at 100 %
                anchorRows.Add(i); targets.Add(known);
            }
            else if (consistency)
            {
                var target = pool.SampleDiscovered(rng);
                input = pool.MixedToken(target.Distribution);                             // Σ p_nvl(i)·t_i
                cstRows.Add(i); targets.Add(target);
            }
            else
            {
                var (a, b) = pool.SamplePair(rng);
                float w = rng.NextDouble() < options.UnequalProbability ? 0.55f + 0.25f * (float)rng.NextDouble() : 0.5f;
                input = new float[d];
                for (int j = 0; j < d; j++) input[j] = w * a.Token[j] + (1 - w) * b.Token[j]; // w·t1 + (1 − w)·t2, ours: Σ p(i)·t_i as at inference; a is the major entry
                mixRows.Add(i); pairs.Add((a, b));
            }
            input.CopyTo(mixed, i * d);
        }
        // 2. encode and decode: mixed (n, d) → z (n, ω) → t_crt (n, d) → E(q_a) (n, d)
        var z = network.Encode(tensor(mixed, [n, d]));
        var creative = encoder.EncodeWithSlots(CreativeTemplate, network.Decode(z));
        // 3. losses: L = (1/n) Σ_i (α·I_mix·L_mix + β·I_cst·L_cst) + γ·L_reg
        var total = zeros(1);
        double mixMean = double.NaN, cstMean = double.NaN;
        if (mixRows.Count > 0)
        {
            var lmix = MixLoss.PerSample(creative.index(tensor(mixRows.ToArray())), References(pairs, d), aesthetic, options.Theta1, theta2);
            total = total + options.Alpha * lmix.sum();
            mixMean = lmix.mean().item<float>();
        }
        if (anchorRows.Count > 0)
        {
            var lone = ConsistencyLoss.PerSample(creative.index(tensor(anchorRows.ToArray())), Discovered(targets.Where(t => !t.Discovered).ToList(), d));
            total = total + options.Alpha * lone.sum();
        }
        if (cstRows.Count > 0)
        {
            var lcst = ConsistencyLoss.PerSample(creative.index(tensor(cstRows.ToArray())), Discovered(targets.Where(t => t.Discovered).ToList(), d));
            total = total + options.Beta * lcst.sum();
            cstMean = lcst.mean().item<float>();
        }
        total = total / n;
        var lreg = LatentRegularization.Compute(z);
        if (options.UsesRegularization) total = total + options.Gamma * lreg;
        optimizer.zero_grad();
        total.backward();
        optimizer.step();
        return (mixMean, cstMean, lreg.item<float>());
    }

    // mean cos(E("a photo of a <t_c>"), E(q_s)) over the known concepts
    double CalibratedTheta2(ConceptPool pool, Tensor aesthetic)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var known = pool.Known.ToList();
        var tokens = tensor(known.SelectMany(e => e.Token).ToArray(), [known.Count, pool.Dimension]);
        var photos = encoder.EncodeWithSlots(CreativeTemplate, tokens);                 // (K, d)
        return nn.functional.cosine_similarity(photos, aesthetic.expand_as(photos), dim: 1).mean().item<float>();
    }

    // E("a c1 c2") for each pair, cached: (P, d), no gradient
    Tensor References(List<(PoolEntry A, PoolEntry B)> pairs, int d)
    {
        var missing = pairs.Select(p => (p.A, p.B)).Where(p => !referenceCache.ContainsKey((p.A.Id, p.B.Id))).Distinct().ToList();
        if (missing.Count > 0)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var slots = tensor(missing.SelectMany(p => p.A.Token.Concat(p.B.Token)).ToArray(), [missing.Count, 2, d]);
            var rows = encoder.EncodeWithSlots(ReferenceTemplate, slots).data<float>().ToArray();
            for (int k = 0; k < missing.Count; k++) referenceCache[(missing[k].A.Id, missing[k].B.Id)] = rows.AsSpan(k * d, d).ToArray();
        }
        return tensor(pairs.SelectMany(p => referenceCache[(p.A.Id, p.B.Id)]).ToArray(), [pairs.Count, d]);
    }

    // E("a photo of a <t>") for each target (discovered, or known for anchors), cached: (P, d), no gradient
    Tensor Discovered(List<PoolEntry> targets, int d)
    {
        foreach (var t in targets.Where(t => !discoveredCache.ContainsKey(t.Id)).DistinctBy(t => t.Id).ToList())
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            discoveredCache[t.Id] = encoder.EncodeWithSlots(CreativeTemplate, tensor(t.Token, [1, d])).data<float>().ToArray();
        }
        return tensor(targets.SelectMany(t => discoveredCache[t.Id]).ToArray(), [targets.Count, d]);
    }

    // Class-distribution estimation: z ~ N(0, I) → t_crt → image → p_crt; admitted when max p < τ
    void Estimate(DisTokNetwork network, ConceptPool pool, Func<float[], int, float[]> estimate, IReadOnlyList<string> concepts,
        int step, IProgress<DisTokTrainProgress>? progress)
    {
        for (int j = 0; j < options.EstimationSamples; j++)
        {
            BetweenSteps?.Invoke(CancellationToken.None);
            int seed = unchecked(options.Seed * 7919 + step * 64 + j) & int.MaxValue;
            var token = DecodeLatent(network, PriorSampler.Sample(PriorKind.Gaussian, seed, network.Config.Latent, 1.0));
            var p = estimate(token, seed);
            var entry = pool.TryAdmit(token, p, concepts, options.Tau, step, $"gaussian z, seed {seed}, max p {p.Max():F2}");
            if (entry is not null)
                progress?.Report(new DisTokTrainProgress(step, options.Steps, double.NaN, double.NaN, double.NaN, pool.Count, pool.DiscoveredCount, 0, TimeSpan.Zero,
                    $"discovered {entry.Id}: {string.Join(", ", entry.Distribution.OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key} {kv.Value:F2}"))}"));
        }
    }

    static float[] DecodeLatent(DisTokNetwork network, float[] latent)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return network.Decode(tensor(latent, [1, latent.Length])).data<float>().ToArray();
    }

    string Save(DisTokRun run, DisTokNetwork network, ConceptPool pool, int step,
        double mix, double cst, double reg, TimeSpan elapsed, IProgress<DisTokTrainProgress>? progress)
    {
        network.eval();
        var fidelity = SingleConceptFidelity.Measure(network, pool, encoder);
        network.train();
        var metrics = new JsonObject
        {
            ["single_concept_cos_median"] = Math.Round(fidelity.CosineMedian, 4), ["single_concept_cos_min"] = Math.Round(fidelity.CosineMin, 4),
            ["single_concept_nearest_own"] = Math.Round(fidelity.NearestOwnShare, 4),
            ["train_mix_loss"] = Round(mix), ["train_cst_loss"] = Round(cst), ["train_reg_loss"] = Round(reg),
            ["theta2_used"] = Math.Round(theta2, 4), ["pool_size"] = pool.Count, ["discovered"] = pool.DiscoveredCount, ["train_seconds"] = Math.Round(elapsed.TotalSeconds),
        };
        var training = JsonSerializer.SerializeToNode(options)!.AsObject();
        training["backbone"] = run.Backbone.DeepClone();
        var manifest = DisTokCheckpoint.Save(run.OutDir, network, pool, training, run.DataHash, run.Command, step, metrics);
        progress?.Report(new DisTokTrainProgress(step, options.Steps, mix, cst, reg, pool.Count, pool.DiscoveredCount, 0, TimeSpan.Zero,
            $"checkpoint at step {step}: one concept at 100 % keeps cos {fidelity.CosineMedian:F3} (median, min {fidelity.CosineMin:F3}) to its prompt, {fidelity.NearestOwnShare:P0} nearest their own"));
        return manifest.Sha256;
    }

    static JsonNode? Round(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 5)) : null;
}
