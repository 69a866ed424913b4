namespace DisTok.Core.Backbone;

/// <summary>Progress of one denoising step: 1-based <paramref name="Index"/> of <paramref name="Total"/>, and a PNG preview of the current estimate.</summary>
public sealed record GenerationStep(int Index, int Total, byte[] PreviewPng);
