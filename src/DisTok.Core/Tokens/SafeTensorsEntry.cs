using System.Text.Json;

namespace DisTok.Core.Tokens;

/// <summary>Validates one tensor's header entry: dtype, shape and data offsets against the data section.</summary>
static class SafeTensorsEntry
{
    public static (long[] Shape, long Begin, long End) Read(JsonElement tensor, string name, long dataLength, out int elementSize, out string dtype)
    {
        dtype = tensor.TryGetProperty("dtype", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
        elementSize = dtype switch
        {
            "F32" => 4,
            "F16" or "BF16" => 2,
            _ => throw new InvalidDataException($"safetensors tensor '{name}' has dtype '{dtype}'; only F32, F16 and BF16 are read"),
        };
        var shape = Longs(tensor, "shape", name);
        var offsets = Longs(tensor, "data_offsets", name);
        if (offsets.Length != 2) throw new InvalidDataException($"safetensors tensor '{name}' needs two data_offsets, has {offsets.Length}");
        var (begin, end) = (offsets[0], offsets[1]);
        if (begin < 0 || end < begin || end > dataLength)
            throw new InvalidDataException($"safetensors tensor '{name}' data_offsets [{begin}, {end}] lie outside the data section ({dataLength} bytes)");
        long needed;
        try { needed = checked(SafeTensorsFile.Product(shape) * elementSize); }
        catch (OverflowException) { throw new InvalidDataException($"safetensors tensor '{name}' shape [{string.Join(", ", shape)}] is absurdly large"); }
        if (shape.Any(x => x < 0) || needed != end - begin)
            throw new InvalidDataException(
                $"safetensors tensor '{name}' shape [{string.Join(", ", shape)}] of {dtype} needs {needed} bytes but data_offsets span {end - begin}");
        return (shape, begin, end);
    }

    static long[] Longs(JsonElement tensor, string field, string name)
    {
        if (!tensor.TryGetProperty(field, out var a) || a.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"safetensors tensor '{name}' has no '{field}' array");
        return a.EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var x) ? x
                : throw new InvalidDataException($"safetensors tensor '{name}' '{field}' holds a non-integer"))
            .ToArray();
    }
}
