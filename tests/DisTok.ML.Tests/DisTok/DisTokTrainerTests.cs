using System.Text.Json.Nodes;
using DisTok.Core.Concepts;
using DisTok.ML.DisTok;
using DisTok.ML.Tests.Text;

namespace DisTok.ML.Tests.DisTok;

/// <summary>Short real training runs through the frozen MiniLM (a handful of steps on five concepts).</summary>
[Collection(MiniLmCollection.Name)]
public class DisTokTrainerTests(MiniLmFixture fixture) : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("distok-train-").FullName;
    public void Dispose() => Directory.Delete(root, recursive: true);

    static readonly ConceptCatalog Five = new(ConceptCatalog.Default.Concepts.Take(5).ToList());
    static readonly DisTokTrainOptions Tiny = new(Steps: 4, Accumulation: 4, EstimationEvery: 2, EstimationSamples: 1, CheckpointEvery: 2, Seed: 7);

    // A stand-in for render + label in these tests only: a fixed, mixed distribution over the five concepts.
    static float[] Mixed(float[] token, int seed) => [0.4f, 0.3f, 0.1f, 0.1f, 0.1f];

    DisTokTrainResult Train(string name, DisTokTrainOptions options, bool resume = false, List<DisTokTrainProgress>? events = null)
    {
        var known = ConceptTokenFitter.KnownEntries(fixture.Encoder, Five, fitSteps: 5);
        var run = new DisTokRun(Path.Combine(root, name), "test", "data", new JsonObject());
        return new DisTokTrainer(fixture.Encoder, options).Train(known, run, Mixed, Five.Concepts.Select(c => c.Name).ToList(), resume,
            events is null ? null : new SyncList(events));
    }

    sealed class SyncList(List<DisTokTrainProgress> list) : IProgress<DisTokTrainProgress>
    {
        public void Report(DisTokTrainProgress value) => list.Add(value);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model()
    {
        var a = Train("a", Tiny);
        var b = Train("b", Tiny);
        Assert.Equal(a.WeightsSha256, b.WeightsSha256);
        Assert.NotEqual(a.WeightsSha256, Train("c", Tiny with { Seed = 8 }).WeightsSha256);
    }

    [Fact]
    public void Estimation_grows_the_pool_and_consistency_samples_follow()
    {
        var events = new List<DisTokTrainProgress>();
        var result = Train("grow", Tiny, events: events);
        Assert.Equal(2, result.Discovered);                               // steps 2 and 4, one sample each, max p 0.4 < τ
        Assert.Contains(events, e => e.Message?.StartsWith("discovered d1") == true);
        Assert.Contains(events, e => e.Step > 2 && double.IsFinite(e.ConsistencyLoss));
        Assert.All(events.Where(e => e.Message is null), e => Assert.True(e.SamplesPerSecond > 0));
    }

    [Fact]
    public void Anchors_pull_one_concept_at_100_percent_toward_its_own_prompt()
    {
        // the checkpoint records single-concept fidelity; training on anchors alone must raise it from the untrained start
        var options = Tiny with { Steps = 30, EstimationEvery = 0, CheckpointEvery = 30, AnchorProbability = 0.99, LearningRate = 3e-3 };
        Train("anchor0", options with { Steps = 1 });
        Train("anchor30", options);
        double Cos(string name) => global::DisTok.ML.ModelFiles.ModelManifest.LoadVerified(Path.Combine(root, name), DisTokCheckpoint.ManifestName)
            .Metrics["single_concept_cos_median"]!.GetValue<double>();
        Assert.True(Cos("anchor30") > Cos("anchor0") + 0.05, $"cos {Cos("anchor0"):F3} → {Cos("anchor30"):F3}");
        Assert.Throws<ArgumentException>(() => (options with { AnchorProbability = 1 }).Validate());
        Assert.Throws<ArgumentException>(() => (options with { UnequalProbability = -0.1 }).Validate());
    }

    [Fact]
    public void The_host_hooks_run_before_every_step_and_render_and_inspect_the_current_decoder()
    {
        var known = ConceptTokenFitter.KnownEntries(fixture.Encoder, Five, fitSteps: 5);
        var run = new DisTokRun(Path.Combine(root, "hooks"), "test", "data", new JsonObject());
        int waits = 0;
        var inspected = new List<(int Step, float[] Token)>();
        var trainer = new DisTokTrainer(fixture.Encoder, Tiny)
        {
            BetweenSteps = _ => waits++,
            Inspect = (step, decode) => inspected.Add((step, decode(new float[new DisTokConfig().Latent]))),
            InspectEvery = 2,
        };
        trainer.Train(known, run, Mixed, Five.Concepts.Select(c => c.Name).ToList());
        Assert.Equal(4 + 2, waits);                                      // 4 steps + 2 estimation renders (steps 2 and 4, one sample each)
        Assert.Equal([2, 4], inspected.Select(i => i.Step));
        Assert.All(inspected, i => Assert.Equal(fixture.Encoder.Dimension, i.Token.Length));
        Assert.NotEqual(inspected[0].Token, inspected[1].Token);         // the decoder moved between the two looks
    }

    [Fact]
    public void A_cancel_from_the_step_hook_stops_before_the_next_step()
    {
        var known = ConceptTokenFitter.KnownEntries(fixture.Encoder, Five, fitSteps: 5);
        var run = new DisTokRun(Path.Combine(root, "cancel"), "test", "data", new JsonObject());
        using var cancel = new CancellationTokenSource();
        int steps = 0;
        var trainer = new DisTokTrainer(fixture.Encoder, Tiny with { EstimationEvery = 0 })
        {
            BetweenSteps = _ => { if (++steps == 3) cancel.Cancel(); },
        };
        var result = trainer.Train(known, run, null, Five.Concepts.Select(c => c.Name).ToList(), ct: cancel.Token);
        Assert.True(result.Cancelled);
        Assert.Equal(2, result.Steps);
    }

    [Fact]
    public void Ablations_switch_their_part_off()
    {
        var noPool = Train("no-pool", Tiny with { Ablation = "no-pool" });
        Assert.Equal(0, noPool.Discovered);
        var events = new List<DisTokTrainProgress>();
        var noCst = Train("no-cst", Tiny with { Ablation = "no-cst" }, events: events);
        Assert.Equal(2, noCst.Discovered);                                // the pool still grows
        Assert.All(events.Where(e => e.Message is null), e => Assert.True(double.IsNaN(e.ConsistencyLoss)));
    }

    [Fact]
    public void Resume_continues_from_the_checkpoint_to_the_same_end()
    {
        var straight = Train("straight", Tiny);
        Train("resumed", Tiny with { Steps = 2 });
        var resumed = Train("resumed", Tiny, resume: true);
        Assert.Equal(4, resumed.Steps);
        Assert.Equal(straight.Discovered, resumed.Discovered);
    }

    [Fact]
    public void Theta2_is_calibrated_to_the_encoder_unless_given()
    {
        var known = ConceptTokenFitter.KnownEntries(fixture.Encoder, Five, fitSteps: 5);
        var names = Five.Concepts.Select(c => c.Name).ToList();
        var calibrated = new DisTokTrainer(fixture.Encoder, Tiny with { Steps = 1, EstimationEvery = 0 });
        calibrated.Train(known, new DisTokRun(Path.Combine(root, "cal"), "test", "data", new JsonObject()), null, names);
        // mean cos(E("a photo of a c"), E("a photo of a cute pet")) over five animals: well below the paper's 0.80
        Assert.InRange(calibrated.Theta2, 0.3, 0.75);
        var given = new DisTokTrainer(fixture.Encoder, Tiny with { Steps = 1, EstimationEvery = 0, CalibrateTheta2 = false, Theta2 = 0.8 });
        given.Train(known, new DisTokRun(Path.Combine(root, "given"), "test", "data", new JsonObject()), null, names);
        Assert.Equal(0.8, given.Theta2);
    }

    [Theory]
    [InlineData(0, "none", "steps must be between")]
    [InlineData(10, "no-fun", "unknown ablation 'no-fun'")]
    public void Bad_settings_are_refused(int steps, string ablation, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => (Tiny with { Steps = steps, Ablation = ablation }).Validate());
        Assert.Contains(message, e.Message);
    }
}
