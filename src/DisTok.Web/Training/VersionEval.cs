using System.Diagnostics;
using System.Text.Json;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Core.Tokens;
using DisTok.ML.DisTok;
using DisTok.ML.DisTok.Evaluation;

namespace DisTok.Web.Training;

/// <summary>
/// The dev-set figures of one version, as the admin pages compare them: the evaluation protocol of method.md §5 for
/// DisTok alone (the CLI's `distok eval` also runs the baselines), with fewer images per item so it ends in minutes.
/// </summary>
/// <param name="Set">The evaluation set's name.</param>
/// <param name="Items">Items evaluated.</param>
/// <param name="Seeds">Images per item.</param>
/// <param name="Kl">Mean KL(p_in ‖ p_vis); lower is better.</param>
/// <param name="SupportMass">Mean share of p_vis on the input's concepts; higher is better.</param>
/// <param name="PairFusionRate">Share of pair items read as both concepts (null when the set has no pairs).</param>
/// <param name="DistinctArgmax">Distinct top concepts over the Gaussian prior samples.</param>
/// <param name="PriorSamples">Gaussian prior samples drawn.</param>
/// <param name="Seconds">How long the evaluation took.</param>
/// <param name="GridItems">The item ids whose first image is in grid/item-K.png, K = 0, 1, …</param>
public sealed record VersionEval(string Set, int Items, int Seeds, double Kl, double SupportMass, double? PairFusionRate, int DistinctArgmax,
    int PriorSamples, double Seconds, IReadOnlyList<string> GridItems)
{
    /// <summary>Images per side of a version's grid: the first items of the set and the first prior samples.</summary>
    public const int GridSize = 8;

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Evaluates <paramref name="model"/> and writes grid/item-K.png and grid/prior-K.png into <paramref name="directory"/>.</summary>
    public static VersionEval Run(DisTokModel model, IImageGenerator generator, ISoftLabeler labeler, string devSetPath, int seeds, int priorSamples,
        string directory, Action<string>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var set = EvalSet.Load(devSetPath, ConceptCatalog.Default);
        var evaluator = new DisTokEvaluator(generator, labeler, seeds);
        var result = evaluator.Run(new DisTokMethod("distok", model), set, progress: (done, total) => progress?.Invoke($"evaluating: {done}/{total} dev items"), ct: ct);
        progress?.Invoke("evaluating: prior samples");
        var diversity = evaluator.Diversity(model, PriorKind.Gaussian, priorSamples, ct: ct);
        var grid = Directory.CreateDirectory(Path.Combine(directory, "grid")).FullName;
        var items = result.Items.Take(GridSize).ToList();
        for (int k = 0; k < items.Count; k++) File.WriteAllBytes(Path.Combine(grid, $"item-{k}.png"), items[k].Images[0]);
        for (int k = 0; k < Math.Min(GridSize, diversity.Images.Count); k++) File.WriteAllBytes(Path.Combine(grid, $"prior-{k}.png"), diversity.Images[k]);
        return new VersionEval(set.Name, set.Items.Count, seeds, Math.Round(result.Kl, 4), Math.Round(result.SupportMass, 4),
            double.IsNaN(result.PairFusionRate) ? null : Math.Round(result.PairFusionRate, 4), diversity.DistinctArgmax, priorSamples,
            Math.Round(clock.Elapsed.TotalSeconds, 1), items.Select(i => i.Item.Id).ToList());
    }

    /// <summary>The figures as stored with the version.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored figures back; null for null or unreadable text.</summary>
    public static VersionEval? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<VersionEval>(json, Json); }
        catch (JsonException) { return null; }
    }
}
