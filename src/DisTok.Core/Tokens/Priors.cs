namespace DisTok.Core.Tokens;

/// <summary>Names of the <see cref="PriorKind"/> values as users type them: <c>gaussian</c>, <c>laplace</c>, <c>cauchy</c>.</summary>
public static class Priors
{
    /// <summary>Parses a prior name, ignoring case and surrounding spaces.</summary>
    /// <exception cref="ArgumentException">The name is not one of the allowed names; the message lists them.</exception>
    public static PriorKind Parse(string name)
    {
        var trimmed = (name ?? "").Trim();
        foreach (var kind in Enum.GetValues<PriorKind>())
            if (string.Equals(trimmed, Name(kind), StringComparison.OrdinalIgnoreCase)) return kind;
        var allowed = string.Join(", ", Enum.GetValues<PriorKind>().Select(Name));
        throw new ArgumentException($"unknown prior '{trimmed}'; use one of {allowed}");
    }

    /// <summary>The lower-case name of a prior, e.g. <c>gaussian</c>; the inverse of <see cref="Parse"/>.</summary>
    public static string Name(PriorKind kind) => kind.ToString().ToLowerInvariant();
}
