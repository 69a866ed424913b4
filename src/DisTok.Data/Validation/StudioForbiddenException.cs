namespace DisTok.Data.Validation;

/// <summary>The asker does not own what they want to change and is not an administrator; the message says what.</summary>
public sealed class StudioForbiddenException(string message) : UnauthorizedAccessException(message);
