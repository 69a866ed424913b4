namespace DisTok.ML.Vision;

/// <summary>Held-out quality of a labeler configuration, from leave-one-design-out folds.</summary>
/// <param name="Folds">Per-fold top-1.</param>
/// <param name="MeanTop1">labeler_heldout_top1: the unweighted mean of the folds' top-1.</param>
/// <param name="Temperature">T minimising the NLL of all held-out predictions.</param>
/// <param name="NllBefore">Held-out NLL at T = 1.</param>
/// <param name="Nll">Held-out NLL at the fitted T.</param>
/// <param name="EceBefore">Held-out ECE (15 bins) at T = 1.</param>
/// <param name="Ece">Held-out ECE (15 bins) at the fitted T.</param>
public sealed record LabelerEvaluationResult(
    IReadOnlyList<FoldResult> Folds, double MeanTop1, double Temperature,
    double NllBefore, double Nll, double EceBefore, double Ece);
