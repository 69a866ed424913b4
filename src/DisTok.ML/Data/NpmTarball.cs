using System.Formats.Tar;
using System.IO.Compression;

namespace DisTok.ML.Data;

/// <summary>Reads selected files from an npm package tarball (.tgz) without unpacking the rest.</summary>
public static class NpmTarball
{
    /// <summary>
    /// Returns the regular files whose package-relative path (the path without the tarball's root
    /// folder, usually <c>package/</c>) satisfies <paramref name="wanted"/>, keyed by that path.
    /// Stops early once <paramref name="stopAfter"/> entries were found, if given.
    /// </summary>
    public static Dictionary<string, byte[]> ReadEntries(
        string tgzPath, Func<string, bool> wanted, int? stopAfter = null, CancellationToken ct = default)
    {
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(tgzPath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                ct.ThrowIfCancellationRequested();
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                var path = PackageRelative(entry.Name);
                if (path is null || !wanted(path) || entry.DataStream is null) continue;
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                found[path] = buffer.ToArray();
                if (found.Count == stopAfter) break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"'{tgzPath}' is not a readable npm tarball: {e.Message}", e);
        }
        return found;
    }

    /// <summary><c>package/img/a.png</c> → <c>img/a.png</c>; null for the root folder itself.</summary>
    static string? PackageRelative(string entryName)
    {
        var name = entryName.Replace('\\', '/').TrimStart('.', '/');
        int slash = name.IndexOf('/');
        return slash < 0 || slash == name.Length - 1 ? null : name[(slash + 1)..];
    }
}
