using System.Text;

namespace DisTok.Core.IO;

/// <summary>
/// Writes a file so readers (or a process killed half-way) see either the old content or the complete new one: the
/// content goes to a temporary file in the same folder, is flushed to disk, and only then is moved over the path. The
/// one atomic-write helper of the solution (token files, model checkpoints, manifests, data sets).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark).</summary>
    public static void WriteAllText(string path, string text) => Write(path, s => s.Write(new UTF8Encoding(false).GetBytes(text)));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, s => s.Write(bytes));

    /// <summary>Writes through a stream onto the temporary file.</summary>
    public static void Write(string path, Action<Stream> write) => Replace(path, temp =>
    {
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
        write(stream);
        stream.Flush(flushToDisk: true);
    });

    /// <summary>For writers that take a file name (e.g. libtorch's <c>save</c>): <paramref name="writeTemp"/> writes the
    /// temporary path, which is then flushed to disk before the move.</summary>
    public static void WriteFile(string path, Action<string> writeTemp) => Replace(path, temp =>
    {
        writeTemp(temp);
        using var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
    });

    static void Replace(string path, Action<string> writeTemp)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' is not a file path", nameof(path));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemp(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
