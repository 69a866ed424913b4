using System.Runtime.InteropServices;

namespace DisTok.Core.Tokens;

/// <summary>A new visual concept: a vector in the text encoder's token-embedding space, with where it came from.</summary>
/// <param name="Vector">The token embedding; its length is <see cref="ModelStamp.Dimension"/>.</param>
/// <param name="Source">Where the token came from.</param>
/// <param name="Model">The DisTok model that made it and its text encoder space.</param>
/// <param name="CreatedUtc">When it was made.</param>
/// <param name="Name">An optional name the user gave it.</param>
public sealed record CreativeToken(float[] Vector, TokenSource Source, ModelStamp Model, DateTimeOffset CreatedUtc, string? Name = null)
{
    /// <summary>Equal when every field is equal and the vectors are bit-for-bit identical.</summary>
    public bool Equals(CreativeToken? other) =>
        other is not null && Source.Equals(other.Source) && Model == other.Model && CreatedUtc == other.CreatedUtc
        && Name == other.Name && MemoryMarshal.AsBytes(Vector.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(other.Vector.AsSpan()));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Vector.Length, Source, Model, CreatedUtc, Name);
}
