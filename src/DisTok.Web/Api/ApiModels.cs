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
    string ModelVersion, string Author, DateTimeOffset CreatedUtc, DateTimeOffset SavedUtc, bool HasThumbnail, string JsonUrl, string SafeTensorsUrl)
{
    internal static SavedTokenView Of(SavedToken t) => new(t.Id, t.Name, t.Notes, t.TagNames, t.SourceKind, t.SourceText, t.ModelVersion,
        t.Author, t.CreatedUtc, t.SavedUtc, t.ThumbnailPng is not null, $"/api/library/{t.Id}/token.json", $"/api/library/{t.Id}/token.safetensors");
}
