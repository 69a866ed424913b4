using DisTok.Core.Concepts;
using DisTok.Data.Entities;

namespace DisTok.Data.Validation;

/// <summary>The keys of a room's distribution: a known concept's canonical name (<see cref="ConceptCatalog.Default"/>),
/// or <c>token:{guid}</c> naming a saved token.</summary>
public static class ConceptKey
{
    /// <summary>Longest key a caller may send; longer ones are refused without looking further.</summary>
    public const int MaxLength = 64;

    /// <summary>The canonical form: <c>Pig</c> becomes <c>pig</c>, <c>token:{GUID}</c> becomes <c>token:{guid}</c> (lower-case, hyphenated).</summary>
    /// <exception cref="StudioValidationException">Anything else: "unknown concept 'x'".</exception>
    public static string Canonical(string? key)
    {
        var k = key?.Trim() ?? "";
        if (k.Length == 0) throw new StudioValidationException("key", "a concept name is blank");
        if (k.Length <= MaxLength)
        {
            if (TokenId(k) is { } id) return ForToken(id);
            if (ConceptCatalog.Default.TryIndexOf(k, out var index)) return ConceptCatalog.Default[index].Name;
        }
        var shown = k.Length <= MaxLength ? k : k[..MaxLength] + "…";
        throw new StudioValidationException("key", $"unknown concept '{shown}'");
    }

    /// <summary>The saved token's id when <paramref name="key"/> is <c>token:{guid}</c>; otherwise null.</summary>
    public static Guid? TokenId(string key) =>
        key.StartsWith(RoomWeight.TokenPrefix, StringComparison.OrdinalIgnoreCase)
        && Guid.TryParseExact(key.AsSpan(RoomWeight.TokenPrefix.Length), "D", out var id) ? id : null;

    /// <summary>The key naming a saved token.</summary>
    public static string ForToken(Guid id) => RoomWeight.TokenPrefix + id.ToString("D");
}
