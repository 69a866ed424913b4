namespace DisTok.ML.Vision;

/// <summary>
/// Binary form of a <see cref="LabelerHead"/>: "DTLH" magic, format version, power-norm flag, layer count,
/// then mean, std and each layer's (Outputs, Inputs, weights, biases), float32 little-endian.
/// </summary>
public static class LabelerHeadFile
{
    const int Magic = 0x484C5444; // "DTLH"
    const int Version = 1;

    public static byte[] ToBytes(LabelerHead head)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Magic); w.Write(Version); w.Write(head.PowerNorm ? 1 : 0); w.Write(head.Layers.Count);
            w.Write(head.Inputs);
            WriteFloats(w, head.Mean); WriteFloats(w, head.Std);
            foreach (var l in head.Layers)
            {
                w.Write(l.Outputs); w.Write(l.Inputs);
                WriteFloats(w, l.Weight); WriteFloats(w, l.Bias);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Parses the bytes; throws <see cref="InvalidDataException"/> for anything malformed.</summary>
    public static LabelerHead FromBytes(byte[] bytes, string what = "labeler head")
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes));
            if (r.ReadInt32() != Magic) throw new InvalidDataException($"{what} is not a labeler head file (bad magic)");
            if (r.ReadInt32() is var v && v != Version) throw new InvalidDataException($"{what} has format version {v}, expected {Version}");
            bool power = r.ReadInt32() == 1;
            int layers = r.ReadInt32(), inputs = r.ReadInt32();
            if (layers is < 1 or > 8 || inputs is < 1 or > 1 << 16) throw new InvalidDataException($"{what} declares {layers} layers of {inputs} inputs");
            var mean = ReadFloats(r, inputs);
            var std = ReadFloats(r, inputs);
            var list = new List<DenseLayer>();
            for (int i = 0; i < layers; i++)
            {
                int outs = r.ReadInt32(), ins = r.ReadInt32();
                if (outs is < 1 or > 1 << 16 || ins is < 1 or > 1 << 16) throw new InvalidDataException($"{what} layer {i} declares {outs}×{ins}");
                list.Add(new DenseLayer(ins, outs, ReadFloats(r, outs * ins), ReadFloats(r, outs)));
            }
            if (r.BaseStream.Position != bytes.Length) throw new InvalidDataException($"{what} has {bytes.Length - r.BaseStream.Position} trailing bytes");
            return new LabelerHead(power, mean, std, list);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{what} is truncated");
        }
    }

    static void WriteFloats(BinaryWriter w, float[] values) { foreach (var v in values) w.Write(v); }

    static float[] ReadFloats(BinaryReader r, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = r.ReadSingle();
        return values;
    }
}
