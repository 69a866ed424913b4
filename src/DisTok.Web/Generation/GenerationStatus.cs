namespace DisTok.Web.Generation;

/// <summary>Where a job is in its life.</summary>
public enum GenerationStatus
{
    /// <summary>Waiting in the queue.</summary>
    Queued,

    /// <summary>Being rendered.</summary>
    Running,

    /// <summary>Finished with an image.</summary>
    Done,

    /// <summary>Ended with an error message.</summary>
    Failed,

    /// <summary>Cancelled by whoever queued it (waiting or running).</summary>
    Cancelled,
}
