namespace DisTok.ML.Vision;

/// <summary>
/// Feature vectors on disk, keyed by content: one append-only file per view kind, each record a 32-byte
/// key (sha256 of the image's name and pixels) followed by D float32 values. Feature extraction is the slow
/// part of training, so every (image, view) is computed once, survives an interrupted run, and a data set
/// that changes only recomputes the images that changed.
/// </summary>
public sealed class FeatureCache(string? directory)
{
    const int KeyBytes = 32;

    /// <summary>
    /// Rows for the <paramref name="keys"/> (each 32 bytes) from file <paramref name="name"/>; missing rows are
    /// computed with <paramref name="compute"/> and appended.
    /// </summary>
    public float[][] GetOrCompute(string name, IReadOnlyList<byte[]> keys, int dimension, Func<int, float[]> compute,
        Action<int>? rowDone = null, CancellationToken ct = default)
    {
        var path = directory is null ? null : Path.Combine(directory, name + ".f32");
        var known = path is null ? new Dictionary<string, float[]>() : Read(path, dimension);
        using var append = path is null ? null : OpenAppend(path, KeyBytes + 4L * dimension);
        var rows = new float[keys.Count][];
        for (int i = 0; i < keys.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (keys[i].Length != KeyBytes) throw new ArgumentException($"cache keys are {KeyBytes} bytes");
            var hex = Convert.ToHexString(keys[i]);
            if (!known.TryGetValue(hex, out rows[i]!))
            {
                rows[i] = compute(i);
                if (rows[i].Length != dimension) throw new InvalidOperationException($"feature row {i} has {rows[i].Length} values, expected {dimension}");
                if (append is not null)
                {
                    append.Write(keys[i]);
                    foreach (var v in rows[i]) append.Write(v);
                    append.Flush();
                }
                known[hex] = rows[i];
            }
            rowDone?.Invoke(i + 1);
        }
        return rows;
    }

    static Dictionary<string, float[]> Read(string path, int dimension)
    {
        var rows = new Dictionary<string, float[]>();
        if (!File.Exists(path)) return rows;
        long record = KeyBytes + 4L * dimension;
        using var reader = new BinaryReader(File.OpenRead(path));
        long complete = reader.BaseStream.Length / record; // a torn last record is ignored (and overwritten below)
        for (long r = 0; r < complete; r++)
        {
            var key = Convert.ToHexString(reader.ReadBytes(KeyBytes));
            var row = new float[dimension];
            for (int j = 0; j < dimension; j++) row[j] = reader.ReadSingle();
            rows[key] = row;
        }
        return rows;
    }

    /// <summary>Opens for appending after the last complete record (drops a torn tail).</summary>
    static BinaryWriter OpenAppend(string path, long record)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(stream.Length - stream.Length % record);
        stream.Seek(0, SeekOrigin.End);
        return new BinaryWriter(stream);
    }
}
