using System.CommandLine;
using DisTok.ML.Data;
using DisTok.ML.Imaging;
using DisTok.ML.Vision;

namespace DisTok.Cli.Commands.Backbone;

/// <summary>`distok backbone mixtures`: a grid of the labeler's mixture check for one held-out design (A, B, CutMix, MixUp, shape-colour).</summary>
public static class BackboneMixturesCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The emoji data set folder.", DefaultValueFactory = _ => "data/emoji" };
        var fold = new Option<string>("--fold") { Description = "The held-out design family.", DefaultValueFactory = _ => "twemoji" };
        var rows = new Option<int>("--rows") { Description = "Pairs shown.", DefaultValueFactory = _ => 12 };
        var out_ = new Option<string>("--out") { Description = "PNG file to write.", Required = true };
        var command = new Command("mixtures", "Draw the mixture check's images for one held-out design: A, B, CutMix, MixUp and A's drawing in B's colours.")
        {
            data, fold, rows, out_,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(rows);
            if (n < 1 || n > 100) throw new ArgumentException($"--rows must be between 1 and 100, got {n}");
            var dataset = EmojiDataset.Load(parse.GetValue(data)!);
            var images = dataset.Images;
            var labels = LabelerEvaluation.Labels(dataset);
            var (_, test) = DesignFolds.Split(images.Select(i => i.Entry).ToList(), parse.GetValue(fold)!);
            var items = MixtureCheck.Make(images, labels, test, seed: 1234);
            var cells = items.GroupBy(m => (m.A, m.B)).Take(n).SelectMany(g => new[] { images[g.Key.A].Rgb, images[g.Key.B].Rgb }.Concat(g.Select(m => m.Rgb)))
                .Select(rgb => RgbImage.EncodePng(rgb, 64, 64)).ToList();
            File.WriteAllBytes(parse.GetValue(out_)!, ImageGrid.Compose(cells, 5, 64));
            return 0;
        });
        return command;
    }
}
