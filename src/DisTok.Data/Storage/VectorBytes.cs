using System.Buffers.Binary;

namespace DisTok.Data.Storage;

/// <summary>A token vector as bytes: each value a little-endian IEEE float32, so the stored bytes are the same on every machine.</summary>
public static class VectorBytes
{
    /// <summary>The vector's bytes, 4 per value.</summary>
    public static byte[] FromVector(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (int i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    /// <summary>The vector stored in <paramref name="bytes"/>, bit for bit.</summary>
    /// <exception cref="InvalidDataException">The length is not a multiple of 4.</exception>
    public static float[] ToVector(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
            throw new InvalidDataException($"a stored token vector has {bytes.Length} bytes, not a multiple of {sizeof(float)}");
        var vector = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        return vector;
    }
}
