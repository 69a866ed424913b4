using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DisTok.Core.Tokens;

/// <summary>
/// A minimal reader and writer of the safetensors format: an 8-byte little-endian header length, a JSON header
/// <c>{"name": {"dtype":"F32","shape":[...],"data_offsets":[begin,end]}, "__metadata__": {...}}</c>, then the raw
/// little-endian tensor data. Writes one F32 tensor; reads one tensor of dtype F32, F16 or BF16 as floats.
/// </summary>
public static class SafeTensorsFile
{
    const string MetadataKey = "__metadata__";

    /// <summary>Writes one F32 tensor with string metadata.</summary>
    /// <exception cref="ArgumentException">The name is blank or reserved, or the shape does not hold <paramref name="data"/>.Length values.</exception>
    public static void Write(Stream stream, string tensorName, float[] data, long[] shape, IReadOnlyDictionary<string, string> metadata)
    {
        if (string.IsNullOrWhiteSpace(tensorName) || tensorName == MetadataKey)
            throw new ArgumentException($"'{tensorName}' cannot name a tensor", nameof(tensorName));
        if (shape.Any(d => d < 0) || Product(shape) != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] does not hold {data.Length} values", nameof(shape));
        var header = Header(tensorName, data.Length * 4L, shape, metadata);
        var prefix = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
        var body = new byte[data.Length * 4];
        for (int i = 0; i < data.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(body.AsSpan(i * 4), data[i]);
        stream.Write(prefix);
        stream.Write(header);
        stream.Write(body);
    }

    /// <summary>Reads one tensor (F32, F16 or BF16, converted to float) and the file's metadata.</summary>
    /// <param name="stream">The whole safetensors file.</param>
    /// <param name="tensorName">The tensor to read, e.g. <c>emb_params</c>.</param>
    /// <param name="maxBytes">The largest file accepted.</param>
    /// <exception cref="InvalidDataException">The file is too large or malformed, the tensor is missing, its offsets lie
    /// outside the data, its dtype is unsupported, or its shape does not match its byte length.</exception>
    public static (float[] Data, long[] Shape, IReadOnlyDictionary<string, string> Metadata) Read(Stream stream, string tensorName, long maxBytes)
    {
        var bytes = BoundedRead.ReadAtMost(stream, maxBytes) ?? throw new InvalidDataException($"the safetensors file is larger than {maxBytes} bytes");
        if (bytes.Length < 8) throw new InvalidDataException($"the safetensors file is {bytes.Length} bytes, too short for a header");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength < 2 || headerLength > (ulong)(bytes.Length - 8))
            throw new InvalidDataException($"the safetensors header length {headerLength} does not fit in the file ({bytes.Length} bytes)");
        int dataStart = 8 + (int)headerLength;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength)); }
        catch (JsonException e) { throw new InvalidDataException($"the safetensors header is not valid JSON: {e.Message}", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("the safetensors header is not a JSON object");
            var metadata = ReadMetadata(root);
            if (!root.TryGetProperty(tensorName, out var tensor) || tensor.ValueKind != JsonValueKind.Object)
            {
                var names = root.EnumerateObject().Select(p => p.Name).Where(n => n != MetadataKey);
                throw new InvalidDataException($"the safetensors file has no tensor '{tensorName}' (it has: {string.Join(", ", names)})");
            }
            var (shape, begin, end) = SafeTensorsEntry.Read(tensor, tensorName, bytes.Length - dataStart, out int elementSize, out string dtype);
            var data = Decode(bytes.AsSpan(dataStart + (int)begin, (int)(end - begin)), dtype, elementSize);
            return (data, shape, metadata);
        }
    }

    static float[] Decode(ReadOnlySpan<byte> raw, string dtype, int elementSize)
    {
        var data = new float[raw.Length / elementSize];
        for (int i = 0; i < data.Length; i++)
        {
            var at = raw.Slice(i * elementSize, elementSize);
            data[i] = dtype switch
            {
                "F32" => BinaryPrimitives.ReadSingleLittleEndian(at),
                "F16" => (float)BinaryPrimitives.ReadHalfLittleEndian(at),
                _ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(at) << 16), // BF16: the top half of an F32
            };
        }
        return data;
    }

    static IReadOnlyDictionary<string, string> ReadMetadata(JsonElement root)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(MetadataKey, out var m)) return metadata.AsReadOnly();
        if (m.ValueKind != JsonValueKind.Object) throw new InvalidDataException("the safetensors __metadata__ is not a JSON object");
        foreach (var p in m.EnumerateObject())
            metadata[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()!
                : throw new InvalidDataException($"the safetensors __metadata__ entry '{p.Name}' is not a string");
        return metadata.AsReadOnly();
    }

    static byte[] Header(string tensorName, long byteLength, long[] shape, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (metadata.Count > 0)
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata) w.WriteString(key, value);
                w.WriteEndObject();
            }
            w.WriteStartObject(tensorName);
            w.WriteString("dtype", "F32");
            w.WriteStartArray("shape");
            foreach (var d in shape) w.WriteNumberValue(d);
            w.WriteEndArray();
            w.WriteStartArray("data_offsets");
            w.WriteNumberValue(0);
            w.WriteNumberValue(byteLength);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        // Pad with spaces so the data starts 8-byte aligned, as the reference implementation does.
        while (buffer.Length % 8 != 0) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    internal static long Product(IEnumerable<long> shape) => shape.Aggregate(1L, (a, d) => checked(a * d));
}
