namespace DisTok.ML.Data;

/// <summary>The steps of an emoji data set build, in order.</summary>
public enum EmojiBuildStage
{
    /// <summary>Finding or fetching each package and checking its sha256.</summary>
    Fetch,

    /// <summary>Reading the needed files out of each package.</summary>
    Read,

    /// <summary>Rendering each image to 64×64 PNG.</summary>
    Render,

    /// <summary>Writing images, NOTICE.md and, last, manifest.json.</summary>
    Write,
}
