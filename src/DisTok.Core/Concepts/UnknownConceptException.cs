namespace DisTok.Core.Concepts;

/// <summary>A name that is not one of the known concepts.</summary>
public sealed class UnknownConceptException(string name)
    : ArgumentException($"unknown concept '{name}' (see concepts.tsv for the 60 known names)")
{
    public string Name { get; } = name;
}
