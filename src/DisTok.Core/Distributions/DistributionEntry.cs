namespace DisTok.Core.Distributions;

/// <summary>One concept of a distribution and its weight.</summary>
/// <param name="Concept">The concept's canonical name, e.g. <c>pig</c>.</param>
/// <param name="Weight">Its share of the distribution, in (0, 1].</param>
public sealed record DistributionEntry(string Concept, double Weight);
