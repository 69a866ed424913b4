namespace DisTok.Web.Generation;

/// <summary>A request refused because of a limit (the client, its address or account has too many jobs, or the queue is
/// full), not because it is wrong.</summary>
/// <param name="message">What limit was hit and what to do, for people.</param>
public sealed class GenerationLimitException(string message) : ArgumentException(message)
{
    /// <summary>When trying again makes sense (the API's Retry-After): a few jobs' time.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(5);
}
