namespace DisTok.Data.Entities;

/// <summary>
/// A DisTok model the studio can serve: the embedded default (number 0) or the result of training run N (number N,
/// label "vN"). Weights live in a folder; the row keeps what admins compare versions by.
/// </summary>
public sealed class ModelVersion
{
    /// <summary>0 for the embedded default model, else the number of the training run that made it.</summary>
    public int Number { get; set; }

    /// <summary>"embedded" or "vN".</summary>
    public string Label => LabelOf(Number);

    /// <summary>The model folder's name under the versions folder; empty for the embedded model.</summary>
    public string Folder { get; set; } = "";

    /// <summary>sha256 of the weights (tokens made by this version carry it).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>When the version was registered.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Who made it (an account's e-mail, or "repository" for the embedded model).</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>The training settings as JSON (the manifest's "training" object).</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>Training metrics as JSON (final losses, pool size, seconds).</summary>
    public string MetricsJson { get; set; } = "{}";

    /// <summary>The dev-set evaluation as JSON (see the web app's VersionEval), or null when it did not run.</summary>
    public string? EvalJson { get; set; }

    /// <summary>"embedded" for 0, else "v{number}".</summary>
    public static string LabelOf(int number) => number == 0 ? "embedded" : $"v{number}";
}
