namespace DisTok.ML.Vision;

/// <summary>One leave-one-design-out fold.</summary>
/// <param name="Fold">The held-out design family.</param>
/// <param name="TrainImages">Images trained on (each in several views).</param>
/// <param name="TestImages">Held-out images scored.</param>
/// <param name="Top1">Share of held-out images whose most probable concept is right.</param>
public sealed record FoldResult(string Fold, int TrainImages, int TestImages, double Top1);
