namespace DisTok.Data.Entities;

/// <summary>One finished image in a room's history, with everything needed to restore its settings.</summary>
public sealed class RoomImage
{
    /// <summary>The image's id; increases with every image stored.</summary>
    public long Id { get; set; }

    /// <summary>The room's id.</summary>
    public string RoomId { get; set; } = "";

    /// <summary>The noise seed, 0..int.MaxValue.</summary>
    public int Seed { get; set; }

    /// <summary>Denoising steps.</summary>
    public int Steps { get; set; }

    /// <summary>Classifier-free guidance scale.</summary>
    public double Guidance { get; set; }

    /// <summary>The prompt template used.</summary>
    public string Template { get; set; } = "";

    /// <summary>The normalised distribution used, e.g. <c>pig=0.55,sheep=0.45</c>.</summary>
    public string DistributionText { get; set; } = "";

    /// <summary>The model version that rendered it.</summary>
    public string ModelVersion { get; set; } = "";

    /// <summary>The image as PNG.</summary>
    public byte[] Png { get; set; } = [];

    /// <summary>When it was finished.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>The display name of whoever queued it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>The generation job that rendered it, when a worker stored it: unique, so a job redelivered after a worker
    /// died is never kept twice.</summary>
    public Guid? JobId { get; set; }
}
