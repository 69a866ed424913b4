using System.Buffers.Binary;
using System.Text;
using DisTok.Core.Tokens;

namespace DisTok.Core.Tests.Tokens;

public class SafeTensorsFileTests
{
    /// <summary>A safetensors file built by hand: 8-byte little-endian header length, the header text, the data bytes.</summary>
    static byte[] Build(string header, params byte[] data)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)json.Length);
        return [.. length, .. json, .. data];
    }

    static (float[] Data, long[] Shape, IReadOnlyDictionary<string, string> Metadata) Read(byte[] file, string tensor, long maxBytes = 1 << 20) =>
        SafeTensorsFile.Read(new MemoryStream(file), tensor, maxBytes);

    static string Rejects(byte[] file, string tensor = "t", long maxBytes = 1 << 20) =>
        Assert.Throws<InvalidDataException>(() => Read(file, tensor, maxBytes)).Message;

    // Two tensors: "a" F32 [3] = 1, -2, 0.5 at bytes 0..12, then "h" F16 [2, 2] = 1, -2, 0.5, 0 at bytes 12..20.
    static readonly byte[] HandBuilt = Build(
        """{"__metadata__":{"who":"hand"},"a":{"dtype":"F32","shape":[3],"data_offsets":[0,12]},"h":{"dtype":"F16","shape":[2,2],"data_offsets":[12,20]}}""",
        0x00, 0x00, 0x80, 0x3F, /* 1.0f */ 0x00, 0x00, 0x00, 0xC0, /* -2.0f */ 0x00, 0x00, 0x00, 0x3F, /* 0.5f */
        0x00, 0x3C, /* 1.0 half */ 0x00, 0xC0, /* -2.0 half */ 0x00, 0x38, /* 0.5 half */ 0x00, 0x00 /* 0 */);

    [Fact]
    public void A_hand_built_f32_tensor_is_read()
    {
        var (data, shape, metadata) = Read(HandBuilt, "a");
        Assert.Equal([1f, -2f, 0.5f], data);
        Assert.Equal([3L], shape);
        Assert.Equal("hand", metadata["who"]);
    }

    [Fact]
    public void A_hand_built_f16_tensor_is_converted_to_float()
    {
        var (data, shape, _) = Read(HandBuilt, "h");
        Assert.Equal([1f, -2f, 0.5f, 0f], data);
        Assert.Equal([2L, 2L], shape);
    }

    [Fact]
    public void A_bf16_tensor_is_converted_to_float()
    {
        var (data, _, metadata) = Read(Build("""{"b":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]}}""", 0x80, 0x3F, 0x00, 0xC0), "b");
        Assert.Equal([1f, -2f], data);
        Assert.Empty(metadata);
    }

    [Fact]
    public void Written_files_read_back_and_keep_the_data_8_byte_aligned()
    {
        float[] values = [0.1f, -0f, float.Epsilon, 3e38f, -1.5f, 2f];
        using var stream = new MemoryStream();
        SafeTensorsFile.Write(stream, "emb_params", values, [2, 3], new Dictionary<string, string> { ["note"] = "é \"quoted\"" });
        var bytes = stream.ToArray();
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes) % 8);
        var (data, shape, metadata) = Read(bytes, "emb_params");
        TokenSamples.AssertBitExact(values, data);
        Assert.Equal([2L, 3L], shape);
        Assert.Equal("é \"quoted\"", metadata["note"]);
    }

    [Fact]
    public void Write_rejects_a_shape_that_does_not_hold_the_data()
    {
        var e = Assert.Throws<ArgumentException>(() => SafeTensorsFile.Write(new MemoryStream(), "t", [1f, 2f], [1, 3], new Dictionary<string, string>()));
        Assert.Contains("shape [1, 3] does not hold 2 values", e.Message);
        Assert.Throws<ArgumentException>(() => SafeTensorsFile.Write(new MemoryStream(), "__metadata__", [1f], [1], new Dictionary<string, string>()));
    }

    [Fact]
    public void Absurd_header_lengths_are_rejected()
    {
        var absurd = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(absurd, ulong.MaxValue);
        Assert.Contains($"header length {ulong.MaxValue} does not fit in the file (16 bytes)", Rejects(absurd));
        var tooLong = Build("""{"t":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 0, 0, 0, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(tooLong, (ulong)tooLong.Length);
        Assert.Contains("does not fit in the file", Rejects(tooLong));
        Assert.Contains("too short for a header", Rejects([1, 2, 3]));
    }

    [Fact]
    public void A_header_that_is_not_json_is_rejected()
    {
        Assert.Contains("header is not valid JSON", Rejects(Build("""{"t":{"dtype":"F32",""", 0, 0, 0, 0)));
        Assert.Contains("header is not a JSON object", Rejects(Build("[1,2]")));
    }

    [Fact]
    public void A_missing_tensor_is_named_with_the_ones_present()
    {
        Assert.Contains("has no tensor 't' (it has: a, h)", Rejects(HandBuilt));
    }

    [Theory]
    [InlineData("[0,8]", "data_offsets [0, 8] lie outside the data section (4 bytes)")]
    [InlineData("[4,0]", "data_offsets [4, 0] lie outside")]
    [InlineData("[-4,0]", "data_offsets [-4, 0] lie outside")]
    [InlineData("[0]", "needs two data_offsets")]
    public void Offsets_out_of_range_are_rejected(string offsets, string message)
    {
        Assert.Contains(message, Rejects(Build($$$"""{"t":{"dtype":"F32","shape":[1],"data_offsets":{{{offsets}}}}}""", 0, 0, 0, 0)));
    }

    [Fact]
    public void Unsupported_dtypes_and_mismatched_shapes_are_rejected()
    {
        Assert.Contains("dtype 'I64'; only F32, F16 and BF16", Rejects(Build("""{"t":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}""", new byte[8])));
        Assert.Contains("shape [2, 3] of F32 needs 24 bytes but data_offsets span 8", Rejects(Build("""{"t":{"dtype":"F32","shape":[2,3],"data_offsets":[0,8]}}""", new byte[8])));
        Assert.Contains("absurdly large", Rejects(Build("""{"t":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", new byte[8])));
        Assert.Contains("holds a non-integer", Rejects(Build("""{"t":{"dtype":"F32","shape":["2"],"data_offsets":[0,8]}}""", new byte[8])));
    }

    [Fact]
    public void Files_larger_than_the_limit_are_rejected()
    {
        Assert.Contains("larger than 16 bytes", Rejects(HandBuilt, "a", maxBytes: 16));
    }
}
