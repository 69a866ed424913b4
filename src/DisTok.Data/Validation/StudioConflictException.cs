namespace DisTok.Data.Validation;

/// <summary>The request cannot be done in the present state (a training run is already going, a run already ended); the message says why.</summary>
public sealed class StudioConflictException(string message) : InvalidOperationException(message);
