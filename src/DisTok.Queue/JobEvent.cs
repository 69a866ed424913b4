namespace DisTok.Queue;

/// <summary>What a worker reports about a job.</summary>
public enum JobEventKind
{
    /// <summary>A worker began rendering it.</summary>
    Started,

    /// <summary>One denoising step finished; <see cref="JobEvent.Png"/> is its preview.</summary>
    Step,

    /// <summary>Rendered (and, for a room, kept in its history); <see cref="JobEvent.Png"/> is the image.</summary>
    Done,

    /// <summary>It could not be rendered; <see cref="JobEvent.Error"/> says why.</summary>
    Failed,

    /// <summary>Cancelled by its owner while it ran.</summary>
    Cancelled,
}

/// <summary>A worker's report about one job, published on Redis to every studio node (the job's node applies it).</summary>
/// <param name="JobId">The job.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Step">Steps finished so far.</param>
/// <param name="Png">A step's preview, or the finished image.</param>
/// <param name="Width">The finished image's width.</param>
/// <param name="Height">The finished image's height.</param>
/// <param name="Seed">The finished image's seed.</param>
/// <param name="Steps">The finished image's steps.</param>
/// <param name="Guidance">The finished image's guidance.</param>
/// <param name="ElapsedMs">Render time of the finished image.</param>
/// <param name="ImageId">The room history's image id, when the worker kept it there.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Worker">The worker's name.</param>
public sealed record JobEvent(Guid JobId, JobEventKind Kind, int Step = 0, byte[]? Png = null, int Width = 0, int Height = 0, int Seed = 0,
    int Steps = 0, float Guidance = 0, double ElapsedMs = 0, long? ImageId = null, string? Error = null, string? Worker = null);
