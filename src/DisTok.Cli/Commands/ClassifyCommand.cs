using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DisTok.ML.Imaging;
using DisTok.ML.Onnx;
using DisTok.ML.Vision;

namespace DisTok.Cli.Commands;

/// <summary>`distok classify FILE [--model DIR] [--json]`: the soft labeler's distribution over the concepts for one image.</summary>
public static class ClassifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Image to classify (PNG, WebP or JPEG)." };
        var model = new Option<string>("--model")
        {
            Description = "Labeler model folder (manifest.json + model.bin, or + head.bin for a head on frozen features such as models/judge).",
            DefaultValueFactory = _ => Path.Combine("models", "labeler"),
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object mapping every concept to its probability." };
        var command = new Command("classify", "Classify an image into a probability distribution over the 60 known concepts.") { file, model, json };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(model)!, parse.GetValue(json)));
        return command;
    }

    static int Run(string file, string modelDirectory, bool json)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"no image file at '{file}'", file);
        // Decode first: a bad file fails fast, before the model loads.
        var rgb = RgbImage.DecodeToRgb(File.ReadAllBytes(file), SoftLabeler.ImageSize, $"'{file}'");
        OnnxLogging.Quiet();
        using var labeler = SoftLabeler.Load(modelDirectory);
        var p = labeler.ClassifyRgb(rgb, SoftLabeler.ImageSize);
        if (json) WriteJson(labeler.Concepts, p);
        else WriteTop(labeler.Concepts, p, 5);
        return 0;
    }

    static void WriteJson(IReadOnlyList<string> concepts, float[] p)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stdout))
        {
            w.WriteStartObject();
            for (int i = 0; i < concepts.Count; i++) w.WriteNumber(concepts[i], Math.Round(p[i], 6));
            w.WriteEndObject();
        }
        stdout.WriteByte((byte)'\n');
    }

    static void WriteTop(IReadOnlyList<string> concepts, float[] p, int count)
    {
        int width = concepts.Max(c => c.Length);
        Console.WriteLine($"{"concept".PadRight(width)}  probability");
        foreach (var i in Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).Take(count))
            Console.WriteLine($"{concepts[i].PadRight(width)}  {p[i].ToString("0.000", CultureInfo.InvariantCulture)}");
    }
}
