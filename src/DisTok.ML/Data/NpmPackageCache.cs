using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace DisTok.ML.Data;

/// <summary>
/// A folder of npm package tarballs. Missing ones are fetched with <c>npm pack</c>; every tarball is
/// checked against its pinned sha256 before use.
/// </summary>
/// <param name="directory">The cache folder, e.g. <c>.cache/npm</c>.</param>
/// <param name="npmCommand">The npm executable to run.</param>
public sealed class NpmPackageCache(string directory, string npmCommand = "npm")
{
    /// <summary>The cache folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Path of the verified tarball of <paramref name="package"/>, fetching it first if it is not cached.</summary>
    /// <exception cref="InvalidDataException">The tarball's sha256 differs from the pinned one.</exception>
    /// <exception cref="InvalidOperationException">npm is missing or failed.</exception>
    public async Task<string> EnsureAsync(EmojiPackage package, CancellationToken ct = default)
    {
        var path = Path.Combine(Directory, package.TarballFileName);
        bool fetched = false;
        if (!File.Exists(path))
        {
            await PackAsync(package, ct);
            if (!File.Exists(path))
                throw new InvalidOperationException($"npm pack {package.Spec} did not produce '{path}'");
            fetched = true;
        }

        var actual = await Sha256Async(path, ct);
        if (string.Equals(actual, package.Sha256, StringComparison.OrdinalIgnoreCase)) return path;

        if (fetched) File.Delete(path);
        throw new InvalidDataException(
            $"{package.Spec}: sha256 of '{path}' is {actual}, but the pinned value is {package.Sha256}; " +
            (fetched ? "the download was refused and deleted" : "delete the file to fetch it again"));
    }

    /// <summary>Lower-case hex sha256 of a file.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    async Task PackAsync(EmojiPackage package, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var start = new ProcessStartInfo(npmCommand)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "pack", package.Spec, "--pack-destination", Directory }) start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{npmCommand}'");
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException(
                $"'{npmCommand}' was not found; install Node.js/npm or put {package.TarballFileName} into '{Directory}'");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            await Task.WhenAll(stdout, stderr);
            if (process.ExitCode != 0)
            {
                var why = LastLine(await stderr) ?? LastLine(await stdout) ?? "no output";
                throw new InvalidOperationException($"npm pack {package.Spec} failed (exit {process.ExitCode}): {why}");
            }
        }
    }

    static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
