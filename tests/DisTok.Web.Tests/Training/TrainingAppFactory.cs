namespace DisTok.Web.Tests.Training;

/// <summary>
/// The test app with the repository's soft labeler, so a training run grows its pool and its version is evaluated on
/// the dev set, all on the tiny untrained backbone (one image per item, a few prior samples) so a run takes seconds.
/// </summary>
public sealed class TrainingAppFactory() : StudioAppFactory(withDisTok: true, withLabeler: true)
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        ("Training:EvalSeeds", "1"),
        ("Training:EvalPriorSamples", "4"),
        ("Training:SampleImages", "2"),
        ("Training:MaxSteps", "5000"),
    ];
}
