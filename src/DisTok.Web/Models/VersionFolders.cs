using DisTok.Data.Entities;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Models;

/// <summary>
/// Where trained versions live: {Studio:VersionsPath}/vN for version N, and {Studio:VersionsPath}/runs/N while run N is
/// training or evaluating. A run's folder becomes vN by one rename when it completes, so a vN folder is always whole.
/// </summary>
public sealed class VersionFolders(IOptions<StudioOptions> options)
{
    /// <summary>The versions folder, absolute.</summary>
    public string Root => Path.GetFullPath(options.Value.VersionsPath);

    /// <summary>Where run <paramref name="number"/> trains.</summary>
    public string RunDirectory(int number) => Path.Combine(Root, "runs", number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A trained version's model folder.</summary>
    public string VersionDirectory(ModelVersion version) => Path.Combine(Root, version.Folder);

    /// <summary>Where a version's evaluation images go: its own folder, or {VersionsPath}/embedded for the embedded model (whose folder ships with the app).</summary>
    public string EvalDirectory(ModelVersion version) => version.Number == 0 ? Path.Combine(Root, "embedded") : VersionDirectory(version);

    /// <summary>Makes run <paramref name="number"/>'s folder version vN (one rename); returns the folder name.</summary>
    public string Publish(int number)
    {
        var folder = ModelVersion.LabelOf(number);
        var target = Path.Combine(Root, folder);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);   // a leftover of a run cut off after its rename
        Directory.Move(RunDirectory(number), target);
        return folder;
    }

    /// <summary>Removes a run's folder (cancelled, failed or interrupted runs leave no model behind).</summary>
    public void Discard(int number)
    {
        var directory = RunDirectory(number);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    /// <summary>Removes every run folder (at start, none can be in use).</summary>
    public void DiscardAllRuns()
    {
        var runs = Path.Combine(Root, "runs");
        if (Directory.Exists(runs)) Directory.Delete(runs, recursive: true);
    }
}
