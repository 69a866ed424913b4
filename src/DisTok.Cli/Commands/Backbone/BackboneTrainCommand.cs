using System.CommandLine;
using DisTok.ML.Data;
using DisTok.ML.Diffusion.Hybrids;
using DisTok.ML.Diffusion.Models;
using DisTok.ML.Diffusion.Training;
using DisTok.ML.ModelFiles;
using DisTok.ML.Text;
using DisTok.ML.Vision;
using DisTok.ML.Vision.Cnn;

namespace DisTok.Cli.Commands.Backbone;

/// <summary>`distok backbone train`: reproduces the committed backbone models under models/.</summary>
public static class BackboneTrainCommand
{
    public static Command Create()
    {
        var part = new Option<string>("--part") { Description = "What to train: diffusion, labeler (fine-tuned ResNet18), judge (head on frozen features) or all.", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong("diffusion", "labeler", "judge", "all");
        var data = new Option<string>("--data") { Description = "The emoji data set folder (from `distok data build`).", DefaultValueFactory = _ => "data/emoji" };
        var models = new Option<string>("--models") { Description = "Folder that receives diffusion/ and labeler/.", DefaultValueFactory = _ => "models" };
        var steps = new Option<int>("--steps") { Description = "Diffusion optimiser steps.", DefaultValueFactory = _ => new DiffusionTrainOptions().Steps };
        var batch = new Option<int>("--batch") { Description = "Diffusion batch size.", DefaultValueFactory = _ => new DiffusionTrainOptions().BatchSize };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => new DiffusionTrainOptions().Seed };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue the diffusion model from its last checkpoint in --models." };
        var init = new Option<string?>("--init") { Description = "Start the diffusion model from the checkpoint in this models folder (fine-tuning), writing to --models." };
        var hybrids = new Option<string?>("--hybrids") { Description = "A hybrid set (from `distok backbone hybrids`) mixed into every batch." };
        var epochs = new Option<int>("--epochs") { Description = "Labeler fine-tuning epochs.", DefaultValueFactory = _ => new CnnLabelerOptions().Epochs };
        var folds = new Option<string>("--folds") { Description = "Labeler held-out design folds, comma-separated, or 'none'.", DefaultValueFactory = _ => string.Join(",", DesignFolds.Default) };
        var stages = new Option<int>("--stages") { Description = "Residual stages of ResNet18 the labeler keeps (1–4).", DefaultValueFactory = _ => new CnnLabelerOptions().Stages };
        var trunkLr = new Option<float>("--trunk-lr-scale") { Description = "The labeler trunk's share of the learning rate.", DefaultValueFactory = _ => new CnnLabelerOptions().TrunkLearningRateScale };
        var shapeColour = new Option<float>("--shape-colour") { Description = "Share of the labeler's views that are one drawing in another concept's colours.", DefaultValueFactory = _ => new CnnLabelerOptions().ShapeColourProbability };
        var inputSide = new Option<int>("--input-side") { Description = "Side the labeler resizes images to (a multiple of 2^(stages+1)).", DefaultValueFactory = _ => new CnnLabelerOptions().InputSide };
        var mix = new Option<float>("--mix") { Description = "Share of the labeler's batches mixed by MixUp or CutMix.", DefaultValueFactory = _ => new CnnLabelerOptions().MixProbability };
        var check = new Option<string?>("--check") { Description = "Folder of {concept}-{seed}.png images the labeler's top-1 is also reported on." };
        var lr = new Option<double>("--lr") { Description = "Diffusion peak learning rate.", DefaultValueFactory = _ => new DiffusionTrainOptions().LearningRate };

        var command = new Command("train", "Train the text-to-image model and/or the soft labeler on the emoji data set.")
        {
            part, data, models, steps, batch, seed, threads, resume, init, hybrids, lr, epochs, folds, check, stages, trunkLr, mix, inputSide, shapeColour,
        };
        command.SetAction(parse =>
        {
            var which = parse.GetValue(part)!;
            var dataset = EmojiDataset.Load(parse.GetValue(data)!);
            var modelsDir = parse.GetValue(models)!;
            if (which is "diffusion" or "all")
            {
                var options = new DiffusionTrainOptions(Steps: parse.GetValue(steps), BatchSize: parse.GetValue(batch),
                    Seed: parse.GetValue(seed), Threads: parse.GetValue(threads), LearningRate: parse.GetValue(lr));
                options.Validate();
                if (parse.GetValue(resume) && parse.GetValue(init) is not null) throw new ArgumentException("--resume and --init exclude each other");
                var hybridDir = parse.GetValue(hybrids);
                var text = $"distok backbone train --part diffusion --data {parse.GetValue(data)} --steps {options.Steps} --batch {options.BatchSize} --seed {options.Seed} --threads {options.Threads} --lr {options.LearningRate}"
                    + (hybridDir is null ? "" : $" --hybrids {hybridDir}");
                TrainDiffusion(dataset, options, Path.Combine(modelsDir, "diffusion"), parse.GetValue(resume), parse.GetValue(init), text,
                    hybridDir is null ? null : HybridSet.Load(hybridDir));
            }
            if (which is "labeler" or "all")
            {
                var o = new CnnLabelerOptions(Seed: parse.GetValue(seed), Epochs: parse.GetValue(epochs), Threads: parse.GetValue(threads),
                    Stages: parse.GetValue(stages), TrunkLearningRateScale: parse.GetValue(trunkLr), MixProbability: parse.GetValue(mix), InputSide: parse.GetValue(inputSide), ShapeColourProbability: parse.GetValue(shapeColour));
                o.Validate();
                var foldText = parse.GetValue(folds)!;
                var foldList = foldText == "none" ? [] : foldText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                LabelerTraining.TrainCnn(dataset, o, foldList, Path.Combine(modelsDir, "labeler"),
                    FormattableString.Invariant($"distok backbone train --part labeler --data {parse.GetValue(data)} --seed {o.Seed} --epochs {o.Epochs} --stages {o.Stages} --input-side {o.InputSide} --trunk-lr-scale {o.TrunkLearningRateScale} --mix {o.MixProbability} --shape-colour {o.ShapeColourProbability} --folds {foldText}"),
                    parse.GetValue(check));
            }
            if (which is "judge" or "all")
                TrainJudge(dataset, parse.GetValue(seed), Path.Combine(modelsDir, "judge"), parse.GetValue(data)!);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The independent judge: a head on frozen ONNX ResNet18 features (no fine-tuning), with the labeler's generator-like
    /// augmentation. Nothing trains against it; it only reads images in `distok eval` and `distok backbone eval`.
    /// </summary>
    static void TrainJudge(EmojiDataset dataset, int seed, string outDir, string dataDir)
    {
        var options = new LabelerTrainOptions(Seed: seed, Augmentation: CnnLabelerOptions.GeneratorLike, FeatureCacheDirectory: Path.Combine(".cache", "labeler"));
        var result = ConsoleProgress.Run("judge", report => LabelerTrainer.Train(dataset, options,
            new SyncProgress<LabelerProgress>(p => report(p.Total == 0 ? 0 : (double)p.Done / p.Total, p.Stage))));
        result.Save(outDir, $"distok backbone train --part judge --data {dataDir} --seed {seed}");
        var e = result.Evaluation;
        Console.WriteLine($"judge: held-out top-1 {e.MeanTop1:F4} ({string.Join(", ", e.Folds.Select(f => $"{f.Fold} {f.Top1:F3}"))}), T {e.Temperature:F3}, ECE {e.Ece:F4}");
    }

    static void TrainDiffusion(EmojiDataset dataset, DiffusionTrainOptions options, string outDir, bool resume, string? init, string command, HybridSet? hybrids)
    {
        // A resumed or fine-tuned model is reproduced by the earlier run's command followed by this one.
        var from = resume ? outDir : init is null ? null : Path.Combine(init, "diffusion");
        if (from is not null)
            command = $"{ModelManifest.LoadVerified(from, DiffusionCheckpoint.ManifestName).Command} && {command} " + (resume ? "--resume" : $"--init {init} --models {Path.GetDirectoryName(outDir)}");
        using var encoder = MiniLmTextEncoder.Load();
        var trainer = new DiffusionTrainer(options, captions => encoder.Encode(captions));
        var result = ConsoleProgress.Run("diffusion", report => trainer.Train(dataset, outDir, command,
            new SyncProgress<DiffusionTrainProgress>(p => report((double)p.Step / p.TotalSteps,
                p.Message ?? $"step {p.Step}/{p.TotalSteps} loss {p.Loss:F4} {p.SamplesPerSecond:F1} img/s ETA {p.Eta:hh\\:mm\\:ss}")),
            resumeFrom: from, hybrids: hybrids));
        Console.WriteLine($"diffusion: {result.Steps} steps, loss {result.FinalLoss:F4}, {result.Elapsed:hh\\:mm\\:ss}, weights sha256 {result.WeightsSha256[..12]}…");
    }
}
