using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.ML.DisTok;
using DisTok.ML.DisTok.Evaluation;
using DisTok.ML.Text;
using DisTok.Web.Generation;
using DisTok.Web.Models;
using DisTok.Web.Training;

namespace DisTok.Web.Studies;

/// <summary>
/// What each study arm asks the generator for on an item, all in the study's template and seed so that only the
/// method differs: <c>distok</c> the DisTok token; <c>plain_prompt</c> the concepts' words in the template (heaviest
/// first); <c>embedding_mean</c> Σ p(i)·E(template with c_i), renormalised, as a ready condition; <c>per_concept_optimisation</c>
/// a token optimised for the item (docs/distok.md, baselines); <c>library_token</c> a saved token, the same for every item.
/// </summary>
public sealed class StudyArmRequests(ServedDisTok distok, MiniLmTextEncoder encoder, TokenLibrary library, GenerationGate gate)
{
    /// <summary>The request for one arm on one item.</summary>
    /// <exception cref="ArgumentException">No DisTok model, a bad distribution, or a saved token that is gone or of the wrong size.</exception>
    public async Task<GenerationRequest> ForAsync(Study study, StudyArm arm, StudyItem item, int steps, CancellationToken ct)
    {
        var model = distok.Model ?? throw new ArgumentException(distok.Problem);
        var distribution = DistributionText.Parse(item.Distribution, model);
        var catalog = ConceptCatalog.Default;
        return arm.Method switch
        {
            "distok" => new GenerationRequest(study.Template, study.Seed, steps, Token: model.TokenFor(distribution).Vector),
            "plain_prompt" => new GenerationRequest(new PlainPromptMethod(catalog, study.Template).Prepare(distribution).Prompt, study.Seed, steps),
            "embedding_mean" => new GenerationRequest($"(mean of {distribution})", study.Seed, steps,
                Condition: new EmbeddingMeanMethod(encoder, catalog, study.Template).Prepare(distribution).Embedding),
            "per_concept_optimisation" => new GenerationRequest(study.Template, study.Seed, steps,
                Token: await OptimiseAsync(new TokenOptimisationMethod(encoder, model.Pool, catalog, theta2: model.Theta2), distribution, ct)),
            "library_token" => new GenerationRequest(study.Template, study.Seed, steps, Token: await SavedVectorAsync(arm, ct)),
            _ => throw new ArgumentException($"unknown arm method '{arm.Method}'"),
        };
    }

    /// <summary>The per-item optimisation (200 Adam steps) as background work: on its own low-priority thread, only while
    /// the generation queue is idle, starting over whenever a person's job arrives (<see cref="GenerationGate"/>).</summary>
    Task<float[]> OptimiseAsync(TokenOptimisationMethod method, Core.Distributions.ConceptDistribution distribution, CancellationToken ct) =>
        Task.Factory.StartNew(() =>
        {
            BackgroundPriority.LowerCurrentThread();
            return gate.Run(token => method.Optimise(distribution, token), ct).Token!;
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    async Task<float[]> SavedVectorAsync(StudyArm arm, CancellationToken ct)
    {
        try
        {
            var token = (await library.GetAsync(arm.TokenId!.Value, ct)).ToCreativeToken();
            if (token.Vector.Length != encoder.Dimension)
                throw new ArgumentException($"arm '{arm.Name}': its token has {token.Vector.Length} values; the text encoder takes {encoder.Dimension}");
            return token.Vector;
        }
        catch (Data.Validation.StudioNotFoundException)
        {
            throw new ArgumentException($"arm '{arm.Name}': its saved token is no longer in the library");
        }
    }
}
