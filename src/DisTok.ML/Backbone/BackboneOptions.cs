namespace DisTok.ML.Backbone;

/// <summary>Where the embedded backbone's models live and which device runs them (section "Backbone" of appsettings.json).</summary>
public sealed class BackboneOptions
{
    public const string Section = "Backbone";

    /// <summary>Folder holding diffusion/ and labeler/. Relative paths are resolved against the app's base folder. Defaults to "models".</summary>
    public string ModelsPath { get; set; } = "models";

    /// <summary>"auto", "cpu" or "cuda". Defaults to "auto" (CUDA when present, CPU otherwise).</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Torch intra-op threads; 0 keeps the library default (all cores). Defaults to 0.</summary>
    public int Threads { get; set; }

    /// <summary>Denoising steps when a request names none. Defaults to 20.</summary>
    public int DefaultSteps { get; set; } = 20;

    /// <summary>Classifier-free guidance when a request names none. Defaults to 3.</summary>
    public float DefaultGuidance { get; set; } = 3f;
}
