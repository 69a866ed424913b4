namespace DisTok.Core.Tokens;

/// <summary>A token file that cannot be read or does not fit the loaded model; the message names the problem and the file.</summary>
/// <param name="message">What is wrong.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class TokenFileException(string message, Exception? inner = null) : Exception(message, inner);
