using System.Diagnostics;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.ML.Backbone;

namespace DisTok.ML.DisTok.Evaluation;

/// <summary>
/// Runs the evaluation protocol (method.md §5) on the embedded backbone: for each item, S images (seeds 0…S−1)
/// of the method's conditioning, classified by the soft labeler; p_vis = mean of their distributions. With a
/// <paramref name="judge"/> (a classifier no training step used), the same images are also read by it.
/// </summary>
public sealed class DisTokEvaluator(IImageGenerator generator, ISoftLabeler labeler, int seeds, int? imageSteps = null, ISoftLabeler? judge = null)
{
    /// <summary>The protocol on a loaded backbone (its generator and labeler).</summary>
    public DisTokEvaluator(LoadedBackbone backbone, int seeds, int? imageSteps = null, ISoftLabeler? judge = null)
        : this(backbone.Generator, backbone.Labeler, seeds, imageSteps, judge) { }

    IReadOnlyList<string> Concepts => labeler.Concepts;

    /// <summary>All items of the set through one method; progress gets (items done, items).</summary>
    public MethodResult Run(EvalMethod method, EvalSet set, IReadOnlyList<PriorDiversity>? priors = null,
        Action<int, int>? progress = null, CancellationToken ct = default)
    {
        if (seeds < 1) throw new ArgumentException($"seeds must be at least 1, got {seeds}");
        var results = new List<ItemResult>();
        foreach (var item in set.Items)
        {
            ct.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var conditioning = method.Prepare(item.Distribution);
            double tokenMs = clock.Elapsed.TotalMilliseconds;
            var images = new List<byte[]>();
            var distributions = new List<float[]>();
            double imageMs = 0;
            for (int seed = 0; seed < seeds; seed++)
            {
                clock.Restart();
                var png = Render(conditioning, seed);
                imageMs += clock.Elapsed.TotalMilliseconds;
                images.Add(png);
                distributions.Add(labeler.Classify(png));
            }
            var visible = EvalMetrics.Mean(distributions);
            JudgeReading? judged = null;
            if (judge is not null)
            {
                var seen = EvalMetrics.Mean(images.Select(judge.Classify).ToList());
                judged = new JudgeReading(seen, EvalMetrics.Kl(item.Distribution, seen, judge.Concepts), EvalMetrics.SupportMass(item.Distribution, seen, judge.Concepts),
                    item.IsPair ? EvalMetrics.IsFused(item.Distribution, seen, judge.Concepts) : null);
            }
            results.Add(new ItemResult(item, visible, images, tokenMs, imageMs / seeds,
                EvalMetrics.Kl(item.Distribution, visible, Concepts), EvalMetrics.SupportMass(item.Distribution, visible, Concepts),
                item.IsPair ? EvalMetrics.IsFused(item.Distribution, visible, Concepts) : null, judged));
            progress?.Invoke(results.Count, set.Items.Count);
        }
        return new MethodResult(method.Name, results, priors ?? []);
    }

    /// <summary>Unconditional diversity: tokens from seeds 0…N−1 of a prior, one image each (seed = sample index).</summary>
    public PriorDiversity Diversity(DisTokModel model, PriorKind prior, int samples, double temperature = 1.0, CancellationToken ct = default)
    {
        if (samples < 2) throw new ArgumentException($"diversity needs at least 2 samples, got {samples}");
        var images = new List<byte[]>();
        var distributions = new List<IReadOnlyList<float>>();
        for (int i = 0; i < samples; i++)
        {
            ct.ThrowIfCancellationRequested();
            var token = model.TokenFromPrior(prior, i, temperature);
            var png = Render(new Conditioning(DisTokTrainer.CreativeTemplate, token.Vector), i);
            images.Add(png);
            distributions.Add(labeler.Classify(png));
        }
        var argmax = distributions.Select(p => Concepts[Enumerable.Range(0, p.Count).MaxBy(i => p[i])]).ToList();
        return new PriorDiversity(prior, temperature, samples, EvalMetrics.DistinctArgmax(distributions),
            EvalMetrics.MeanPairwiseDistance(distributions), argmax, images);
    }

    /// <summary>single_concept_top1: every concept of <paramref name="concepts"/> at 100 % through the method, seeds 0…S−1.</summary>
    public SingleConceptResult SingleConcept(EvalMethod method, IReadOnlyList<string> concepts, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var images = new List<byte[]>();
        int hits = 0, judgeHits = 0;
        foreach (var concept in concepts)
        {
            ct.ThrowIfCancellationRequested();
            var conditioning = method.Prepare(ConceptDistribution.Create([KeyValuePair.Create(concept, 1.0)], Catalog));
            for (int seed = 0; seed < seeds; seed++)
            {
                var png = Render(conditioning, seed);
                images.Add(png);
                if (ReadsAs(labeler, png, concept)) hits++;
                if (judge is not null && ReadsAs(judge, png, concept)) judgeHits++;
            }
            progress?.Invoke(images.Count / seeds, concepts.Count);
        }
        double n = concepts.Count * seeds;
        return new SingleConceptResult(hits / n, judge is null ? null : judgeHits / n, concepts, images, seeds);
    }

    static ConceptCatalog Catalog => ConceptCatalog.Default;

    static bool ReadsAs(ISoftLabeler reader, byte[] png, string concept)
    {
        var p = reader.Classify(png);
        return string.Equals(reader.Concepts[Array.IndexOf(p, p.Max())], concept, StringComparison.OrdinalIgnoreCase);
    }

    byte[] Render(Conditioning c, int seed) => c.Embedding is { } embedding
        ? generator.Generate(new GenerationRequest(c.Prompt, seed, imageSteps, null, Condition: embedding)).Png
        : generator.Generate(new GenerationRequest(c.Prompt, seed, imageSteps, null, c.Token)).Png;
}
