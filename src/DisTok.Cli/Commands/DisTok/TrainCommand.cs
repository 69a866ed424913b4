using System.CommandLine;
using DisTok.Core.Concepts;
using DisTok.ML.Backbone;
using DisTok.ML.DisTok;

namespace DisTok.Cli.Commands.DisTok;

/// <summary>`distok train`: trains the DisTok encoder/decoder against the frozen backbone into models/distok.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var d = new DisTokTrainOptions();
        var steps = new Option<int>("--steps") { Description = "Optimiser steps (total, also when resuming).", DefaultValueFactory = _ => d.Steps };
        var ablation = new Option<string>("--ablation") { Description = "Switch a part off: no-cst, no-reg or no-pool.", DefaultValueFactory = _ => "none" };
        var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint in --out." };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => d.Seed };
        var every = new Option<int>("--estimation-every") { Description = "Steps between class-distribution estimations (0 = never).", DefaultValueFactory = _ => d.EstimationEvery };
        var theta2 = new Option<string>("--theta2") { Description = "θ2: a number, or \"calibrated\" to the text encoder (see docs/distok.md).", DefaultValueFactory = _ => "calibrated" };
        var output = new Option<string>("--out") { Description = "Model folder to write.", DefaultValueFactory = _ => Path.Combine("models", "distok") };
        var models = new Option<string>("--models") { Description = "Backbone models folder (diffusion/, labeler/).", DefaultValueFactory = _ => "models" };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var anchors = new Option<double>("--anchors") { Description = "Share of samples that are one known concept at 100 % (ours; 0 = the paper's tasks only).", DefaultValueFactory = _ => d.AnchorProbability };
        var unequal = new Option<double>("--unequal") { Description = "Share of fusion samples with unequal weights (ours).", DefaultValueFactory = _ => d.UnequalProbability };
        var theta1 = new Option<double>("--theta1") { Description = "θ1: cap on cos(E(q_r), E(q_a)) in L_mix.", DefaultValueFactory = _ => d.Theta1 };
        var alpha = new Option<double>("--alpha") { Description = "α: weight of L_mix against L_cst (β = 1).", DefaultValueFactory = _ => d.Alpha };
        var command = new Command("train", "Train DisTok (distribution encoder + creative decoder) with the concept pool.")
        {
            steps, ablation, resume, seed, every, theta2, output, models, threads, anchors, unequal, theta1, alpha,
        };
        command.SetAction(parse =>
        {
            var options = d with
            {
                Steps = parse.GetValue(steps), Ablation = parse.GetValue(ablation)!, Seed = parse.GetValue(seed),
                EstimationEvery = parse.GetValue(every), Threads = parse.GetValue(threads),
                AnchorProbability = parse.GetValue(anchors), UnequalProbability = parse.GetValue(unequal),
                Theta1 = parse.GetValue(theta1), Alpha = parse.GetValue(alpha),
            };
            var theta2Text = parse.GetValue(theta2)!;
            if (theta2Text != "calibrated")
                options = options with
                {
                    CalibrateTheta2 = false,
                    Theta2 = double.TryParse(theta2Text, System.Globalization.CultureInfo.InvariantCulture, out var t2) ? t2
                        : throw new ArgumentException($"--theta2 must be a number or \"calibrated\", got '{theta2Text}'"),
                };
            options.Validate();
            var outDir = parse.GetValue(output)!;
            using var backbone = LoadedBackbone.Load(new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = options.Threads });
            var catalog = ConceptCatalog.Default;
            var known = ConsoleProgress.Run("concept tokens", report => ConceptTokenFitter.KnownEntries(backbone.Encoder, catalog));
            var line = $"distok train --steps {options.Steps} --seed {options.Seed} --estimation-every {options.EstimationEvery}"
                + (options.Ablation == "none" ? "" : $" --ablation {options.Ablation}")
                + (options.CalibrateTheta2 ? "" : $" --theta2 {options.Theta2.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
                + (options.AnchorProbability > 0 ? FormattableString.Invariant($" --anchors {options.AnchorProbability}") : "")
                + (options.UnequalProbability > 0 ? FormattableString.Invariant($" --unequal {options.UnequalProbability}") : "")
                + (options.Theta1 != d.Theta1 ? FormattableString.Invariant($" --theta1 {options.Theta1}") : "")
                + (options.Alpha != d.Alpha ? FormattableString.Invariant($" --alpha {options.Alpha}") : "") + $" --out {outDir}";
            var run = new DisTokRun(outDir, line, DisTokRun.HashOf(catalog, DisTokModel.TextEncoderName), backbone.Versions);
            var result = ConsoleProgress.Run("distok", report => new DisTokTrainer(backbone.Encoder, options).Train(known, run,
                (token, s) => backbone.Classify(token, s, options.EstimationImageSteps), backbone.Labeler.Concepts, parse.GetValue(resume),
                new SyncProgress<DisTokTrainProgress>(p => report((double)p.Step / p.TotalSteps, p.Message ??
                    $"step {p.Step}/{p.TotalSteps} L_mix {p.MixLoss:F4} L_cst {Loss(p.ConsistencyLoss)} L_reg {p.RegularizationLoss:F4} pool {p.PoolSize} {p.SamplesPerSecond:F0} samples/s ETA {p.Eta:hh\\:mm\\:ss}"))));
            Console.WriteLine($"distok: {result.Steps} steps in {result.Elapsed:hh\\:mm\\:ss} ({result.SamplesPerSecond:F0} samples/s), pool {result.PoolSize} ({result.Discovered} discovered), " +
                $"L_mix {result.MixLoss:F4} L_cst {Loss(result.ConsistencyLoss)} L_reg {result.RegularizationLoss:F4}, weights sha256 {result.WeightsSha256[..12]}…");
            return 0;
        });
        return command;
    }

    /// <summary>A loss for the log; a switched-off loss (NaN) reads "off".</summary>
    static string Loss(double value) => double.IsNaN(value) ? "off" : value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
}
