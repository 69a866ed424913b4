namespace DisTok.Data.Validation;

/// <summary>The sizes the studio stores at most; every store checks them before writing.</summary>
public static class StudioLimits
{
    /// <summary>Longest token, room or share-link name/title, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest notes of a saved token, in characters.</summary>
    public const int MaxNotesLength = 4000;

    /// <summary>Longest tag, in characters.</summary>
    public const int MaxTagLength = 32;

    /// <summary>Most tags on one token.</summary>
    public const int MaxTags = 16;

    /// <summary>Largest thumbnail PNG, in bytes (256 KB).</summary>
    public const int MaxThumbnailBytes = 256 * 1024;

    /// <summary>Longest display name of an author or room member, in characters.</summary>
    public const int MaxDisplayNameLength = 60;

    /// <summary>The display name used when none is given.</summary>
    public const string AnonymousName = "anonymous";

    /// <summary>Longest prompt template, in characters.</summary>
    public const int MaxTemplateLength = 300;

    /// <summary>Most concepts (known concepts and library tokens) in one room's distribution.</summary>
    public const int MaxRoomConcepts = 16;

    /// <summary>Largest un-normalised weight a room holds; the smallest is 0.</summary>
    public const double MaxWeight = 100;

    /// <summary>Most images kept in a room's history; older ones are dropped.</summary>
    public const int MaxRoomImages = 200;

    /// <summary>Largest image PNG in a room's history, in bytes (8 MB).</summary>
    public const int MaxImageBytes = 8 * 1024 * 1024;

    /// <summary>Most images a room snapshot share link refers to (the newest ones).</summary>
    public const int MaxSnapshotImages = 24;

    /// <summary>Most tokens in one share link.</summary>
    public const int MaxSharedTokens = 200;

    /// <summary>Most results of one library search page.</summary>
    public const int MaxSearchTake = 200;

    /// <summary>Longest token vector (the model stamp's dimension).</summary>
    public const int MaxDimension = 65536;

    /// <summary>Longest model version, sha256 or text-encoder label, in characters.</summary>
    public const int MaxModelLabelLength = 200;

    /// <summary>Longest stored distribution text or token source JSON, in characters.</summary>
    public const int MaxSourceLength = 16 * 1024;
}
