namespace DisTok.Core.Distributions;

/// <summary>A concept distribution that cannot be used; the message names the problem and the concept.</summary>
/// <param name="message">What is wrong, e.g. <c>unknown concept 'xyz'</c>.</param>
public sealed class InvalidDistributionException(string message) : ArgumentException(message);
