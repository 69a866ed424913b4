namespace DisTok.Data.Entities;

/// <summary>A blind pairwise study: arms compared on items, judged by participants who open its invite link.</summary>
public sealed class Study
{
    /// <summary>The owner identity of whoever made the study (<c>account:…</c> or <c>client:…</c>, never shown); null for rows from before
    /// owners were recorded, which only administrators may change.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(80)]
    public string? Owner { get; set; }

    /// <summary>The study's unguessable id, also its invite address (<c>/study/{id}</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The owner's secret: whoever holds it may edit, open, close and see results (until accounts exist).</summary>
    public string OwnerKey { get; set; } = "";

    /// <summary>The title shown to participants (1..100 characters).</summary>
    public string Title { get; set; } = "";

    /// <summary>The question above every battle, e.g. "Which image is the more creative blend?" (1..300 characters).</summary>
    public string Question { get; set; } = "";

    /// <summary>What a participant agrees to before the first battle (1..4000 characters).</summary>
    public string Consent { get; set; } = "";

    /// <summary>The prompt template every arm renders its token in (one <c>&lt;*&gt;</c>).</summary>
    public string Template { get; set; } = "";

    /// <summary>Battles each participant is given (1..50).</summary>
    public int JudgementsPerParticipant { get; set; }

    /// <summary>Where the study is.</summary>
    public StudyStatus Status { get; set; }

    /// <summary>True when a participant who finished may see which arm made which image.</summary>
    public bool RevealAfter { get; set; }

    /// <summary>The noise seed of every rendered image (the same for all arms, so only the token differs).</summary>
    public int Seed { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>The methods compared, in order.</summary>
    public List<StudyArm> Arms { get; set; } = [];

    /// <summary>The distributions judged, in order.</summary>
    public List<StudyItem> Items { get; set; } = [];
}

/// <summary>Where a study is: drafted, its images rendering, open for votes, or closed.</summary>
public enum StudyStatus
{
    /// <summary>Being set up; arms and items can change.</summary>
    Draft,

    /// <summary>Every arm × item image is being rendered; nobody votes yet.</summary>
    Rendering,

    /// <summary>Participants vote.</summary>
    Open,

    /// <summary>No more votes; results stay.</summary>
    Closed,
}
