namespace DisTok.Data.Entities;

/// <summary>One method a study compares; its name is never shown to a participant before they finish.</summary>
public sealed class StudyArm
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>0-based position among the study's arms.</summary>
    public int Index { get; set; }

    /// <summary>The owner's name for it, e.g. "DisTok".</summary>
    public string Name { get; set; } = "";

    /// <summary>How its images are made: <c>distok</c>, <c>plain_prompt</c>, <c>embedding_mean</c>, <c>per_concept_optimisation</c> or <c>library_token</c>.</summary>
    public string Method { get; set; } = "";

    /// <summary>For <c>library_token</c>: the saved token rendered for every item.</summary>
    public Guid? TokenId { get; set; }
}

/// <summary>One distribution a study judges.</summary>
public sealed class StudyItem
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>0-based position among the study's items.</summary>
    public int Index { get; set; }

    /// <summary>The normalised distribution, e.g. <c>pig=0.5,sheep=0.5</c>.</summary>
    public string Distribution { get; set; } = "";
}

/// <summary>A rendered image of one arm on one item; its id is random so its address says nothing about the arm.</summary>
public sealed class StudyImage
{
    /// <summary>Unguessable id, the image's address (<c>/study-images/{id}</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>The arm's index.</summary>
    public int ArmIndex { get; set; }

    /// <summary>The item's index.</summary>
    public int ItemIndex { get; set; }

    /// <summary>The image as PNG.</summary>
    public byte[] Png { get; set; } = [];
}

/// <summary>Someone taking part in a study, known by a random id kept in their browser.</summary>
public sealed class StudyParticipant
{
    /// <summary>Unguessable id (the cookie's value).</summary>
    public string Id { get; set; } = "";

    /// <summary>The study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>A salted hash of the browser's client id (or a script's own key): the same browser finds its participation again.</summary>
    public string ClientHash { get; set; } = "";

    /// <summary>A salted hash of the address they joined from (for per-address limits; the address itself is not kept).</summary>
    public string AddressHash { get; set; } = "";

    /// <summary>When they consented and were given their battles.</summary>
    public DateTimeOffset JoinedUtc { get; set; }
}

/// <summary>One battle given to a participant: an item, two arms on randomised sides, and the vote once cast.</summary>
public sealed class StudyBattle
{
    /// <summary>Unguessable id; the participant votes on it.</summary>
    public string Id { get; set; } = "";

    /// <summary>The study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Whose battle it is.</summary>
    public string ParticipantId { get; set; } = "";

    /// <summary>1-based place in the participant's sequence.</summary>
    public int Ordinal { get; set; }

    /// <summary>The item judged.</summary>
    public int ItemIndex { get; set; }

    /// <summary>The arm shown on the left.</summary>
    public int LeftArm { get; set; }

    /// <summary>The arm shown on the right.</summary>
    public int RightArm { get; set; }

    /// <summary>The vote, or null while unanswered.</summary>
    public StudyChoice? Choice { get; set; }

    /// <summary>When the vote was committed.</summary>
    public DateTimeOffset? VotedUtc { get; set; }

    /// <summary>Milliseconds from showing the battle to the vote, as the participant's page measured them.</summary>
    public int? ResponseMs { get; set; }
}

/// <summary>A participant's answer to a battle.</summary>
public enum StudyChoice
{
    /// <summary>The left image is better.</summary>
    Left,

    /// <summary>The right image is better.</summary>
    Right,

    /// <summary>Equally good.</summary>
    Tie,

    /// <summary>Neither is good.</summary>
    BothBad,
}
