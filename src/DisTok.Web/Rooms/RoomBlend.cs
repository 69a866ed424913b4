using System.Globalization;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Core.Tokens;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;

namespace DisTok.Web.Rooms;

/// <summary>One weighted part of a blend: a concept or a saved token, its name for people, and its share of the whole.</summary>
/// <param name="Key">The room key: a concept name or <c>token:{id}</c>.</param>
/// <param name="Label">What people call it: the concept, or the saved token's name in quotes.</param>
/// <param name="Share">Its normalised weight; the parts' shares sum to 1.</param>
public sealed record BlendPart(string Key, string Label, double Share);

/// <summary>
/// A room's weights resolved into one DisTok latent z (ours; method.md has concepts only). Concepts and saved tokens made
/// from a distribution are merged into one concept distribution p (a saved token's distribution counts with its
/// weight), encoded once: z_p = E_dis(p). Saved tokens from a prior (or from an earlier blend) keep their own latent
/// z_j. The blend is the weighted mean z = (m_p · z_p + Σ w_j · z_j) / (m_p + Σ w_j), where m_p is the mass of the merged
/// distribution. Without prior tokens this is exactly DisTok's token for p. Saved tokens are always taken from their
/// source, so one made by another model version is re-decoded by the served one (its label says "re-decoded").
/// </summary>
public sealed class RoomBlend
{
    const int MaxDepth = 4;

    RoomBlend(float[] latent, IReadOnlyList<BlendPart> parts, ConceptDistribution? distribution, double inputSum)
    {
        Latent = latent;
        Parts = parts;
        Distribution = distribution;
        InputSum = inputSum;
    }

    /// <summary>z, the blend's latent (→ <see cref="DisTokModel.Decode"/>).</summary>
    public float[] Latent { get; }

    /// <summary>The parts with a share above zero, in the room's order.</summary>
    public IReadOnlyList<BlendPart> Parts { get; }

    /// <summary>The concept distribution when the room holds concepts only; null when saved tokens take part.</summary>
    public ConceptDistribution? Distribution { get; }

    /// <summary>The sum of the weights as stored.</summary>
    public double InputSum { get; }

    /// <summary>The blend as stored with an image and restorable: <c>pig=0.5,token:{id}=0.5</c>.</summary>
    public string Text => Distribution?.ToString() ?? Format(Parts.Select(p => (p.Key, p.Share)));

    /// <summary>The blend for people: <c>pig=0.5,"my owl"=0.5</c>.</summary>
    public string Label => Distribution?.ToString() ?? Format(Parts.Select(p => (p.Label, p.Share)));

    /// <summary>Where a token made from the blend comes from: the distribution, or an interpolation over the parts.</summary>
    public TokenSource Source => Distribution is { } d
        ? TokenSource.FromDistribution(d)
        : new TokenSource("interpolation", Parts.ToDictionary(p => p.Key, p => p.Share));

    /// <summary>What normalising did, in words.</summary>
    public string Normalisation => Distribution is { } d ? RoomDistribution.Describe(d)
        : Math.Abs(InputSum - 1) > 1e-6 ? $"weights sum to {InputSum.ToString("0.###", CultureInfo.InvariantCulture)}, normalised to {Label}"
        : $"weights sum to 1: {Label}";

    /// <summary>Resolves a room's weights against the loaded model and the library.</summary>
    /// <exception cref="InvalidDistributionException">No parts, all zero, an unknown concept, a saved token that is gone, or
    /// one without a latent (an optimised or uploaded token without a DisTok source).</exception>
    public static Task<RoomBlend> ResolveAsync(IReadOnlyList<(string Key, double Weight)> weights, DisTokModel model, TokenLibrary library,
        CancellationToken ct = default) => ResolveAsync(weights, model, library, 0, ct);

    static async Task<RoomBlend> ResolveAsync(IReadOnlyList<(string Key, double Weight)> weights, DisTokModel model, TokenLibrary library,
        int depth, CancellationToken ct)
    {
        if (!weights.Any(w => ConceptKey.TokenId(w.Key) is not null))
        {
            var distribution = RoomDistribution.Normalise(weights.Select(w => KeyValuePair.Create(w.Key, w.Weight)), model.Pool.IsKnown, model.KnownConcepts.Count);
            var parts = distribution.Entries.Select(e => new BlendPart(e.Concept, e.Concept, e.Weight)).ToList();
            return new RoomBlend(model.Latent(distribution), parts, distribution, distribution.InputSum);
        }
        double total = weights.Sum(w => w.Weight);
        if (!(total > 0)) throw new InvalidDistributionException("all weights are zero; raise one to generate");

        var conceptMass = new Dictionary<string, double>(StringComparer.Ordinal);
        var latents = new List<(double Weight, float[] Z)>();
        var labelled = new List<BlendPart>();
        foreach (var (key, weight) in weights.Where(w => w.Weight > 0))
        {
            if (ConceptKey.TokenId(key) is not { } id)
            {
                conceptMass[key] = conceptMass.GetValueOrDefault(key) + weight;
                labelled.Add(new BlendPart(key, key, weight / total));
                continue;
            }
            var saved = await SavedAsync(library, id, ct);
            // A token another model version made is re-decoded from its source by this one (the switch below works from
            // the source, never the stored vector); a source without a latent is refused there.
            bool redecoded = saved.ModelSha256 != model.Stamp.Sha256;
            labelled.Add(new BlendPart(key, $"\"{saved.Name}\"{(redecoded ? " (re-decoded)" : "")}", weight / total));
            var source = saved.ToCreativeToken().Source;
            switch (source.Kind)
            {
                case "distribution":
                    foreach (var (concept, p) in source.Distribution!) conceptMass[concept] = conceptMass.GetValueOrDefault(concept) + weight * p;
                    break;
                case "prior":
                    latents.Add((weight, model.LatentOf(source)));
                    break;
                case "interpolation" when depth < MaxDepth && source.Distribution is { } inner:
                    var nested = await ResolveAsync(inner.Select(kv => (kv.Key, kv.Value)).ToList(), model, library, depth + 1, ct);
                    latents.Add((weight, nested.Latent));
                    break;
                default:
                    throw new InvalidDistributionException($"the saved token \"{saved.Name}\" was made by {source.Kind}; it has no DisTok latent to blend, remove it to generate");
            }
        }
        double conceptTotal = conceptMass.Values.Sum();
        if (conceptTotal > 0)
        {
            var p = RoomDistribution.Normalise(conceptMass.Select(kv => KeyValuePair.Create(kv.Key, kv.Value)), model.Pool.IsKnown, model.KnownConcepts.Count);
            latents.Add((conceptTotal, model.Latent(p)));
        }
        var z = new float[latents[0].Z.Length];
        foreach (var (w, zj) in latents)
            for (int i = 0; i < z.Length; i++) z[i] += (float)(w / total) * zj[i];
        return new RoomBlend(z, labelled, null, total);
    }

    /// <summary>Reads a blend's text back into keys and shares (<c>pig=0.5,token:{id}=0.5</c>).</summary>
    /// <exception cref="StudioValidationException">A part is not <c>key=number</c> or names an unknown concept.</exception>
    public static IReadOnlyList<(string Key, double Weight)> ParseText(string text)
    {
        var parts = new List<(string, double)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.LastIndexOf('=');
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w < 0)
                throw new StudioValidationException("blend", $"'{part}' is not name=weight");
            parts.Add((ConceptKey.Canonical(part[..eq]), w));
        }
        return parts;
    }

    static async Task<Data.Entities.SavedToken> SavedAsync(TokenLibrary library, Guid id, CancellationToken ct)
    {
        try { return await library.GetAsync(id, ct); }
        catch (StudioNotFoundException) { throw new InvalidDistributionException($"the saved token {id} is no longer in the library; remove it to generate"); }
    }

    static string Format(IEnumerable<(string Key, double Share)> parts) =>
        string.Join(",", parts.Select(p => $"{p.Key}={p.Share.ToString("0.####", CultureInfo.InvariantCulture)}"));
}
