namespace DisTok.Web.Training;

/// <summary>Limits and evaluation settings of training from the admin page (section "Training" of appsettings.json).</summary>
public sealed class TrainingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Training";

    /// <summary>Most optimiser steps one run may ask for. Defaults to 20000 (about 1½ hours on 2 CPU cores).</summary>
    public int MaxSteps { get; set; } = 20_000;

    /// <summary>The evaluation set every new version is measured on, relative to the app's folder. Defaults to "eval/dev-set.json".</summary>
    public string DevSetPath { get; set; } = "eval/dev-set.json";

    /// <summary>Images per evaluation item (the CLI's --seeds). Defaults to 2.</summary>
    public int EvalSeeds { get; set; } = 2;

    /// <summary>Gaussian prior samples for the diversity figure. Defaults to 32.</summary>
    public int EvalPriorSamples { get; set; } = 32;

    /// <summary>Sample images rendered from the current checkpoint at each sampling step. Defaults to 4.</summary>
    public int SampleImages { get; set; } = 4;
}
