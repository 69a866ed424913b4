namespace DisTok.Data.Entities;

/// <summary>One promotion: from <see cref="PromotedUtc"/> on, <see cref="VersionNumber"/> is served. The newest row wins; a rollback is a promotion of an older version.</summary>
public sealed class ModelPromotion
{
    /// <summary>Increasing id (the order of promotions).</summary>
    public int Id { get; set; }

    /// <summary>The version served from then on.</summary>
    public int VersionNumber { get; set; }

    /// <summary>When it was promoted.</summary>
    public DateTimeOffset PromotedUtc { get; set; }

    /// <summary>Who promoted it.</summary>
    public string PromotedBy { get; set; } = "";
}
