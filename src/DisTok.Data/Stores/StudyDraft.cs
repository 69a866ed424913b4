namespace DisTok.Data.Stores;

/// <summary>What a study owner sets up.</summary>
/// <param name="Title">Shown to participants (1..100 characters).</param>
/// <param name="Question">Shown above every battle (1..300 characters).</param>
/// <param name="Consent">What participants agree to (1..4000 characters).</param>
/// <param name="Template">The prompt template (one <c>&lt;*&gt;</c>).</param>
/// <param name="JudgementsPerParticipant">Battles per participant (1..50).</param>
/// <param name="RevealAfter">Show a finished participant which arm made which image.</param>
/// <param name="Seed">The noise seed of every image.</param>
/// <param name="Arms">2..8 arms.</param>
/// <param name="Items">1..200 normalised distributions (checked against the model by the caller).</param>
public sealed record StudyDraft(string Title, string Question, string Consent, string Template, int JudgementsPerParticipant, bool RevealAfter,
    int Seed, IReadOnlyList<StudyArmDraft> Arms, IReadOnlyList<string> Items);

/// <summary>An arm to compare.</summary>
/// <param name="Name">The owner's name for it (1..100 characters).</param>
/// <param name="Method">One of <see cref="StudyMethods.All"/>.</param>
/// <param name="TokenId">The saved token, for <c>library_token</c>.</param>
public sealed record StudyArmDraft(string Name, string Method, Guid? TokenId = null);

/// <summary>The ways a study arm makes its image for an item.</summary>
public static class StudyMethods
{
    /// <summary>Every method an arm may use.</summary>
    public static IReadOnlyList<string> All { get; } = ["distok", "plain_prompt", "embedding_mean", "per_concept_optimisation", "library_token"];
}
