using System.Buffers.Text;
using System.Security.Cryptography;

namespace DisTok.Data.Validation;

/// <summary>Ids for rooms and share links that cannot be guessed: 128 random bits from
/// <see cref="RandomNumberGenerator"/>, written as 22 characters of unpadded base64url (A–Z, a–z, 0–9, '-', '_').</summary>
public static class UnguessableId
{
    /// <summary>Random bytes in an id (128 bits).</summary>
    public const int Bytes = 16;

    /// <summary>Characters in an id.</summary>
    public const int Length = 22;

    /// <summary>A new random id.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>True when <paramref name="id"/> has the shape of an id made by <see cref="New"/>; junk and overlong ids are false.</summary>
    public static bool IsWellFormed(string? id)
    {
        if (id is null || id.Length != Length) return false;
        foreach (var c in id)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        return true;
    }
}
