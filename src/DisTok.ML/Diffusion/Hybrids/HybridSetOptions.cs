using System.Text.Json.Serialization;

namespace DisTok.ML.Diffusion.Hybrids;

/// <summary>Settings of a hybrid set.</summary>
/// <param name="Images">Images to render; pairs are drawn without replacement from all concept pairs (then again when exhausted).</param>
/// <param name="Seed">Seeds the pair order, A/B order, weights, methods and sampling seeds.</param>
/// <param name="Methods">Methods used, one drawn per image.</param>
/// <param name="Weights">A's weights drawn from (composable: w_A; switch: share of steps on A).</param>
/// <param name="Steps">DDIM steps per image.</param>
/// <param name="Guidance">Classifier-free guidance scale.</param>
/// <param name="Template">Prompt for each concept, {c} replaced by its prompt word.</param>
/// <param name="Strength">Composable sampling's total weight: the two concepts get Strength·(w, 1 − w).</param>
/// <param name="LayoutNu">Layout method: ν, the sample's share when the noised layout is mixed back in.</param>
/// <param name="LayoutKMin">Layout method: the time after which the layout is no longer mixed in.</param>
public sealed record HybridSetOptions(
    int Images = 1200,
    int Seed = 1234,
    HybridMethod[]? Methods = null,
    float[]? Weights = null,
    int Steps = 20,
    float Guidance = 3f,
    string Template = "a photo of a {c}",
    float Strength = 1f,
    float LayoutNu = 0.9f,
    double LayoutKMin = 0.5)
{
    [JsonIgnore] public HybridMethod[] MethodsOrDefault => Methods is { Length: > 0 } m ? m : [HybridMethod.Composable];
    [JsonIgnore] public float[] WeightsOrDefault => Weights is { Length: > 0 } w ? w : [0.5f, 0.5f, 0.35f, 0.65f];

    /// <summary>Throws a clear <see cref="ArgumentException"/> for settings outside sane bounds.</summary>
    public void Validate()
    {
        if (Images < 1 || Images > 100_000) throw new ArgumentException($"images must be between 1 and 100000, got {Images}");
        if (Steps < 2 || Steps > 200) throw new ArgumentException($"steps must be between 2 and 200, got {Steps}");
        if (!(Guidance > 0 && Guidance <= 20)) throw new ArgumentException($"guidance must be in (0, 20], got {Guidance}");
        if (WeightsOrDefault.Any(w => !(w > 0 && w < 1))) throw new ArgumentException("every weight must be strictly between 0 and 1");
        if (!(Strength > 0 && Strength <= 4)) throw new ArgumentException($"strength must be in (0, 4], got {Strength}");
        if (!(LayoutNu > 0 && LayoutNu <= 1)) throw new ArgumentException($"layout ν must be in (0, 1], got {LayoutNu}");
        if (!(LayoutKMin >= 0 && LayoutKMin < 0.74)) throw new ArgumentException($"layout k_min must be in [0, 0.74) (below the smallest k_max), got {LayoutKMin}");
        if (!Template.Contains("{c}", StringComparison.Ordinal)) throw new ArgumentException($"the template must contain {{c}}, got '{Template}'");
    }
}
