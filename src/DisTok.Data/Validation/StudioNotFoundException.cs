namespace DisTok.Data.Validation;

/// <summary>A room, token, image or share link that does not exist (or whose id is not even well-formed).</summary>
/// <param name="message">What was not found, e.g. <c>room 'abc' not found</c>.</param>
public sealed class StudioNotFoundException(string message) : KeyNotFoundException(message);
