namespace DisTok.ML.Data;

/// <summary>
/// Puts a built data set on disk so that a manifest never points at missing images: the old manifest
/// is removed first, every file is written to a temporary name and renamed, and manifest.json comes last.
/// Images left over from an earlier build that are not in the new one are deleted.
/// </summary>
public static class EmojiDatasetWriter
{
    /// <summary>Folder of the images inside the data set.</summary>
    public const string ImagesFolder = "images";

    /// <summary>Writes images (relative path → PNG bytes), NOTICE.md and manifest.json into <paramref name="directory"/>.</summary>
    public static void Write(
        string directory, IReadOnlyDictionary<string, byte[]> images, string notice, byte[] manifest,
        Action<int, string>? onImageWritten = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        var manifestPath = Path.Combine(directory, "manifest.json");
        File.Delete(manifestPath);

        int done = 0;
        foreach (var (file, bytes) in images.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            WriteAtomically(Path.Combine(directory, file), bytes);
            onImageWritten?.Invoke(++done, file);
        }
        RemoveStaleImages(directory, images.Keys);
        WriteAtomically(Path.Combine(directory, "NOTICE.md"), System.Text.Encoding.UTF8.GetBytes(notice));
        WriteAtomically(manifestPath, manifest);
    }

    /// <summary>Writes to <c>path.tmp</c>, then renames over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    static void RemoveStaleImages(string directory, IEnumerable<string> keep)
    {
        var root = Path.Combine(directory, ImagesFolder);
        if (!Directory.Exists(root)) return;
        var kept = keep.Select(f => Path.GetFullPath(Path.Combine(directory, f))).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.png*", SearchOption.AllDirectories))
            if (!kept.Contains(Path.GetFullPath(file))) File.Delete(file);
        foreach (var folder in Directory.EnumerateDirectories(root))
            if (!Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
    }
}
