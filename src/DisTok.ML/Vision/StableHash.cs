using System.Security.Cryptography;
using System.Text;

namespace DisTok.ML.Vision;

/// <summary>Hashes that stay the same across processes and machines (string.GetHashCode does not).</summary>
public static class StableHash
{
    /// <summary>A 32-bit seed derived from the parts.</summary>
    public static int Seed(params object[] parts) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))), 0) & int.MaxValue;

    /// <summary>Lower-case hex sha256 of bytes.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>First <paramref name="length"/> hex digits of the sha256 of a text.</summary>
    public static string Short(string text, int length = 12) => Sha256Hex(Encoding.UTF8.GetBytes(text))[..length];
}
