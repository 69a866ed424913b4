using System.Diagnostics;
using DisTok.Core.Backbone;

namespace DisTok.ML.Backbone;

/// <summary>Median wall time to encode one prompt, after one warm-up pass.</summary>
public static class TextEncodeTiming
{
    public static double MedianMs(ITextEncoder encoder, IReadOnlyList<string> prompts, int repeats = 3)
    {
        if (prompts.Count == 0) throw new ArgumentException("no prompts to time");
        foreach (var p in prompts.Take(3)) encoder.Encode(p);
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
            foreach (var p in prompts)
            {
                var clock = Stopwatch.StartNew();
                encoder.Encode(p);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        return Stats.Median(times);
    }
}
