namespace DisTok.Data.Validation;

/// <summary>Limits on what a study may hold.</summary>
public static class StudyLimits
{
    /// <summary>Longest question.</summary>
    public const int MaxQuestionLength = 300;

    /// <summary>Arms in one study (2..8).</summary>
    public const int MaxArms = 8;

    /// <summary>Items in one study.</summary>
    public const int MaxItems = 200;

    /// <summary>Most battles per participant.</summary>
    public const int MaxJudgements = 50;

    /// <summary>Participants one address may start per study (a lab behind one address needs room for a class).</summary>
    public const int MaxParticipantsPerAddress = 50;

    /// <summary>Longest response time kept, in ms (longer ones are stored as this).</summary>
    public const int MaxResponseMs = 3_600_000;
}
