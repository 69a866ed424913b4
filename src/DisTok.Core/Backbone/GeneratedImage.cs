namespace DisTok.Core.Backbone;

/// <summary>A finished image as PNG bytes, with the settings that made it.</summary>
public sealed record GeneratedImage(byte[] Png, int Width, int Height, int Seed, int Steps, float Guidance, TimeSpan Elapsed);
