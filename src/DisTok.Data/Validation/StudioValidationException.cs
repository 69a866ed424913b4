namespace DisTok.Data.Validation;

/// <summary>Input the studio refuses to store; the message names the field and the limit. Thrown before anything is written.</summary>
/// <param name="field">The field that is wrong, e.g. <c>name</c>.</param>
/// <param name="message">What is wrong, for people, e.g. <c>name is longer than 100 characters</c>.</param>
public sealed class StudioValidationException(string field, string message) : ArgumentException(message)
{
    /// <summary>The field that is wrong, e.g. <c>name</c> or <c>tags</c>.</summary>
    public string Field { get; } = field;

    /// <inheritdoc />
    public override string ParamName => Field;
}
