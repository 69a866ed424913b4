using DisTok.Data.Entities;
using DisTok.Web.Generation;

namespace DisTok.Web.Api;

/// <summary>A render to queue.</summary>
/// <param name="Distribution">Concept weights, e.g. <c>pig=0.55,sheep=0.25,snake=0.2</c>; weights not summing to 1 are normalised (the answer says so).</param>
/// <param name="Template">The prompt with exactly one <c>&lt;*&gt;</c> where the token goes; default <c>a photo of a &lt;*&gt;</c>.</param>
/// <param name="Seed">Noise seed; default 0.</param>
/// <param name="Steps">Denoising steps; default the server's.</param>
public sealed record GenerationSubmission(string Distribution, string? Template = null, int Seed = 0, int? Steps = null);

/// <summary>A queued, running or finished render.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>done</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Step">Finished denoising steps.</param>
/// <param name="TotalSteps">Steps in all.</param>
/// <param name="QueuePosition">1-based place among the waiting jobs; 0 once it left the queue.</param>
/// <param name="Seed">The noise seed.</param>
/// <param name="Prompt">The template the token is rendered in.</param>
/// <param name="Distribution">The normalised distribution that made the token.</param>
/// <param name="Normalised">True when the submitted weights did not sum to 1 and were rescaled.</param>
/// <param name="Error">Why it failed, or <c>cancelled</c>.</param>
/// <param name="ImageUrl">Where the PNG is once <paramref name="Status"/> is <c>done</c>.</param>
public sealed record GenerationView(Guid Id, string Status, int Step, int TotalSteps, int QueuePosition, int Seed, string Prompt,
    string Distribution, bool Normalised, string? Error, string ImageUrl)
{
    internal static GenerationView Of(GenerationJob job, string distribution, bool normalised) => new(job.Id,
        job.Status.ToString().ToLowerInvariant(), job.Step, job.TotalSteps, job.QueuePosition, job.Request.Seed, job.Request.Prompt,
        distribution, normalised, job.Error, $"/api/generations/{job.Id}/image");
}

/// <summary>A token to make: from a distribution, or from a prior with a seed and temperature.</summary>
/// <param name="Distribution">Concept weights, e.g. <c>pig=0.55,sheep=0.45</c>; give this or <paramref name="Prior"/>.</param>
/// <param name="Prior"><c>gaussian</c>, <c>laplace</c> or <c>cauchy</c>.</param>
/// <param name="Seed">The prior draw's seed.</param>
/// <param name="Temperature">Scales the prior draw, in (0, 100]; default 1.</param>
/// <param name="Name">A name stored in the token file.</param>
public sealed record TokenRequest(string? Distribution = null, string? Prior = null, int Seed = 0, double Temperature = 1.0, string? Name = null);

/// <summary>A concept of the catalogue.</summary>
/// <param name="Name">Its name, as written in distributions.</param>
/// <param name="Known">True when the loaded DisTok model's pool knows it.</param>
public sealed record ConceptView(string Name, bool Known);

/// <summary>A token in the library.</summary>
public sealed record SavedTokenView(Guid Id, string Name, string? Notes, IReadOnlyList<string> Tags, string SourceKind, string Source,
    string ModelVersion, string Author, DateTimeOffset CreatedUtc, DateTimeOffset SavedUtc, bool HasThumbnail, string JsonUrl, string SafeTensorsUrl,
    bool IsPublic)
{
    internal static SavedTokenView Of(SavedToken t) => new(t.Id, t.Name, t.Notes, t.TagNames, t.SourceKind, t.SourceText, t.ModelVersion,
        t.Author, t.CreatedUtc, t.SavedUtc, t.ThumbnailPng is not null, $"/api/library/{t.Id}/token.json", $"/api/library/{t.Id}/token.safetensors",
        t.IsPublic);
}

/// <summary>Settings of a new training run; each one left out takes the served model's value.</summary>
/// <param name="Steps">Optimiser steps (1..Training:MaxSteps).</param>
/// <param name="Seed">Seed (0 or more).</param>
/// <param name="Ablation">none, no-cst, no-reg or no-pool.</param>
/// <param name="EstimationEvery">Steps between class-distribution estimations (0 = never).</param>
/// <param name="SampleEvery">Steps between sample images (0 = never).</param>
public sealed record TrainingStart(int? Steps = null, int? Seed = null, string? Ablation = null, int? EstimationEvery = null, int? SampleEvery = null);

/// <summary>A recorded training run.</summary>
public sealed record TrainingRunView(int Run, string Status, int Step, int TotalSteps, string StartedBy, DateTimeOffset StartedUtc, DateTimeOffset? EndedUtc,
    string Message, string? Version)
{
    public static TrainingRunView Of(DisTok.Data.Entities.TrainingRun r) =>
        new(r.Number, r.Status, r.Step, r.TotalSteps, r.StartedBy, r.StartedUtc, r.EndedUtc, r.Message,
            r.VersionNumber is { } v ? DisTok.Data.Entities.ModelVersion.LabelOf(v) : null);
}

/// <summary>The live state of the active (or last) run, without its images.</summary>
public sealed record TrainingLiveView(int Run, string Status, int Step, int TotalSteps, double? MixLoss, double? ConsistencyLoss, double? RegularizationLoss,
    int PoolSize, int Discovered, double SamplesPerSecond, double EtaSeconds, int SampleSets, string Message, string? Version)
{
    public static TrainingLiveView Of(DisTok.Web.Training.TrainingSnapshot s)
    {
        var last = s.Curve.Count > 0 ? s.Curve[^1] : null;
        static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? Math.Round(x, 5) : null;
        return new(s.Run, s.Status, s.Step, s.TotalSteps, Finite(last?.Mix), Finite(last?.Consistency), Finite(last?.Regularization), s.PoolSize, s.Discovered,
            Math.Round(s.SamplesPerSecond, 1), Math.Round(s.Eta.TotalSeconds), s.Samples.Count, s.Message, s.Version is { } v ? DisTok.Data.Entities.ModelVersion.LabelOf(v) : null);
    }
}

/// <summary>The active run (or null) and the newest recorded runs.</summary>
public sealed record TrainingOverview(TrainingLiveView? Live, IReadOnlyList<TrainingRunView> Runs);

/// <summary>A model version as the API shows it.</summary>
public sealed record ModelVersionView(int Number, string Label, string Sha256, DateTimeOffset CreatedUtc, string CreatedBy, bool Served,
    DisTok.Web.Training.VersionEval? Eval)
{
    public static ModelVersionView Of(DisTok.Data.Entities.ModelVersion v, int served) =>
        new(v.Number, v.Label, v.Sha256, v.CreatedUtc, v.CreatedBy, v.Number == served, DisTok.Web.Training.VersionEval.FromJson(v.EvalJson));
}
