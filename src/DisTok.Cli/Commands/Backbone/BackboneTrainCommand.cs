using System.CommandLine;
using DisTok.ML.Data;
using DisTok.ML.Diffusion.Models;
using DisTok.ML.Diffusion.Training;
using DisTok.ML.ModelFiles;
using DisTok.ML.Text;
using DisTok.ML.Vision;

namespace DisTok.Cli.Commands.Backbone;

/// <summary>`distok backbone train`: reproduces the committed backbone models under models/.</summary>
public static class BackboneTrainCommand
{
    public static Command Create()
    {
        var part = new Option<string>("--part") { Description = "What to train: diffusion, labeler or all.", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong("diffusion", "labeler", "all");
        var data = new Option<string>("--data") { Description = "The emoji data set folder (from `distok data build`).", DefaultValueFactory = _ => "data/emoji" };
        var models = new Option<string>("--models") { Description = "Folder that receives diffusion/ and labeler/.", DefaultValueFactory = _ => "models" };
        var steps = new Option<int>("--steps") { Description = "Diffusion optimiser steps.", DefaultValueFactory = _ => new DiffusionTrainOptions().Steps };
        var batch = new Option<int>("--batch") { Description = "Diffusion batch size.", DefaultValueFactory = _ => new DiffusionTrainOptions().BatchSize };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => new DiffusionTrainOptions().Seed };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue the diffusion model from its last checkpoint in --models." };

        var command = new Command("train", "Train the text-to-image model and/or the soft labeler on the emoji data set.")
        {
            part, data, models, steps, batch, seed, threads, resume,
        };
        command.SetAction(parse =>
        {
            var which = parse.GetValue(part)!;
            var dataset = EmojiDataset.Load(parse.GetValue(data)!);
            var modelsDir = parse.GetValue(models)!;
            if (which is "diffusion" or "all")
            {
                var options = new DiffusionTrainOptions(Steps: parse.GetValue(steps), BatchSize: parse.GetValue(batch),
                    Seed: parse.GetValue(seed), Threads: parse.GetValue(threads));
                options.Validate();
                TrainDiffusion(dataset, options, Path.Combine(modelsDir, "diffusion"), parse.GetValue(resume),
                    $"distok backbone train --part diffusion --data {parse.GetValue(data)} --steps {options.Steps} --batch {options.BatchSize} --seed {options.Seed} --threads {options.Threads}");
            }
            if (which is "labeler" or "all")
                TrainLabeler(dataset, parse.GetValue(seed), Path.Combine(modelsDir, "labeler"), parse.GetValue(data)!);
            return 0;
        });
        return command;
    }

    static void TrainLabeler(EmojiDataset dataset, int seed, string outDir, string dataDir)
    {
        var options = new LabelerTrainOptions(Seed: seed, FeatureCacheDirectory: Path.Combine(".cache", "labeler"));
        var result = ConsoleProgress.Run("labeler", report => LabelerTrainer.Train(dataset, options,
            new SyncProgress<LabelerProgress>(p => report(p.Total == 0 ? 0 : (double)p.Done / p.Total, p.Stage))));
        result.Save(outDir, $"distok backbone train --part labeler --data {dataDir} --seed {seed}");
        var e = result.Evaluation;
        Console.WriteLine($"labeler: held-out top-1 {e.MeanTop1:F4} ({string.Join(", ", e.Folds.Select(f => $"{f.Fold} {f.Top1:F3}"))}), T {e.Temperature:F3}, ECE {e.Ece:F4}");
    }

    static void TrainDiffusion(EmojiDataset dataset, DiffusionTrainOptions options, string outDir, bool resume, string command)
    {
        // A resumed model is reproduced by the earlier run's command followed by this one.
        if (resume) command = $"{ModelManifest.LoadVerified(outDir, DiffusionCheckpoint.ManifestName).Command} && {command} --resume";
        using var encoder = MiniLmTextEncoder.Load();
        var trainer = new DiffusionTrainer(options, captions => encoder.Encode(captions));
        var result = ConsoleProgress.Run("diffusion", report => trainer.Train(dataset, outDir, command,
            new SyncProgress<DiffusionTrainProgress>(p => report((double)p.Step / p.TotalSteps,
                p.Message ?? $"step {p.Step}/{p.TotalSteps} loss {p.Loss:F4} {p.SamplesPerSecond:F1} img/s ETA {p.Eta:hh\\:mm\\:ss}")),
            resumeFrom: resume ? outDir : null));
        Console.WriteLine($"diffusion: {result.Steps} steps, loss {result.FinalLoss:F4}, {result.Elapsed:hh\\:mm\\:ss}, weights sha256 {result.WeightsSha256[..12]}…");
    }
}
