using System.Diagnostics;
using static TorchSharp.torch;

namespace DisTok.ML.Text;

/// <summary>Measures <see cref="TextEncoderTimings"/> (for `distok bench`); a few warm-up runs are not counted.</summary>
public static class TextEncoderBenchmark
{
    public static TextEncoderTimings Measure(MiniLmTextEncoder encoder, OnnxMiniLmReference reference,
        string prompt = "a photo of a pig", string template = "a photo of a <*>", int batch = 8, int repeats = 20)
    {
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), "need at least one repeat");
        double torchMs = MedianMs(() => encoder.Encode(prompt), repeats);
        double onnxMs = MedianMs(() => reference.Encode(prompt), repeats);
        var target = encoder.Encode(prompt);
        double slotsMs = MedianMs(() =>
        {
            using var scope = NewDisposeScope();
            var slots = (randn(batch, encoder.Dimension) * 0.05f).requires_grad_(true);
            var goal = tensor(target, [1, target.Length]).expand(batch, target.Length);
            var loss = (1 - nn.functional.cosine_similarity(encoder.EncodeWithSlots(template, slots), goal, dim: 1)).mean();
            loss.backward();
        }, repeats);
        return new TextEncoderTimings(torchMs, onnxMs, slotsMs, batch, get_num_threads());
    }

    static double MedianMs(Action run, int repeats)
    {
        for (int i = 0; i < 3; i++) run();
        var ms = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(ms);
        return repeats % 2 == 1 ? ms[repeats / 2] : (ms[repeats / 2 - 1] + ms[repeats / 2]) / 2;
    }
}
