namespace DisTok.Web.Generation;

/// <summary>A request refused because of a limit (the client has too many jobs, or the queue is full), not because it is wrong.</summary>
/// <param name="message">What limit was hit and what to do, for people.</param>
public sealed class GenerationLimitException(string message) : ArgumentException(message);
