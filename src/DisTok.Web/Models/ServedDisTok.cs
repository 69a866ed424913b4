using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using DisTok.Data.Entities;
using DisTok.ML.DisTok;

namespace DisTok.Web.Models;

/// <summary>
/// The DisTok model the studio serves: the embedded default (version 0, {Backbone:ModelsPath}/distok) until a trained
/// version is promoted. Promotion loads the new version first and then swaps one reference, so a request that read
/// <see cref="Model"/> (or <see cref="TryGet"/>) once runs on one version from start to end; requests before the swap
/// use the old version, requests after it the new one. Loaded versions stay loaded (they are small) so a rollback is
/// instant and a request still running on a replaced version never sees it disposed.
/// </summary>
public sealed class ServedDisTok : IDisposable
{
    sealed record Served(int Number, DisTokModel Model);

    readonly OptionalModel<DisTokModel> _embedded;
    readonly VersionFolders _folders;
    readonly ConcurrentDictionary<int, DisTokModel> _trained = new();
    readonly Lock _loading = new();
    volatile Served? _promoted;

    /// <summary>Serves <paramref name="embedded"/> until something is promoted.</summary>
    public ServedDisTok(OptionalModel<DisTokModel> embedded, VersionFolders folders)
    {
        _embedded = embedded;
        _folders = folders;
    }

    /// <summary>What the model is called in messages.</summary>
    public string Name => _embedded.Name;

    /// <summary>The served model, or null when none can be served.</summary>
    public DisTokModel? Model => _promoted?.Model ?? _embedded.Model;

    /// <summary>Why there is no model, or null.</summary>
    public string? Problem => Model is null ? _embedded.Problem : null;

    /// <summary>The served version's number (0 = embedded).</summary>
    public int VersionNumber => _promoted?.Number ?? 0;

    /// <summary>The served version's label ("embedded" or "vN").</summary>
    public string VersionLabel => ModelVersion.LabelOf(VersionNumber);

    /// <summary>Set when the promoted version could not be loaded at start and the embedded model is served instead.</summary>
    public string? StartProblem { get; private set; }

    /// <summary>Raised after every swap.</summary>
    public event Action? Changed;

    /// <summary>The served model (read once), or the reason there is none.</summary>
    public bool TryGet([NotNullWhen(true)] out DisTokModel? model, [NotNullWhen(false)] out string? problem)
    {
        var served = _promoted;
        if (served is not null) { (model, problem) = (served.Model, null); return true; }
        return _embedded.TryGet(out model, out problem);
    }

    /// <summary>Loads a version's model (cached after the first time); 0 is the embedded one.</summary>
    /// <exception cref="InvalidDataException">The version's files are missing or do not match their manifest; the message says which.</exception>
    public DisTokModel Load(ModelVersion version)
    {
        if (version.Number == 0)
            return _embedded.TryGet(out var embedded, out var problem) ? embedded : throw new InvalidDataException(problem);
        lock (_loading)
        {
            if (_trained.TryGetValue(version.Number, out var cached)) return cached;
            var directory = _folders.VersionDirectory(version);
            DisTokModel model;
            try { model = DisTokModel.Load(directory); }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or InvalidDataException)
            {
                throw new InvalidDataException($"version {version.Label} could not be loaded: {e.Message}", e);
            }
            if (model.Stamp.Sha256 != version.Sha256)
            {
                model.Dispose();
                throw new InvalidDataException($"version {version.Label}: its weights (sha256 {model.Stamp.Sha256[..12]}…) are not the ones recorded ({version.Sha256[..Math.Min(12, version.Sha256.Length)]}…)");
            }
            return _trained[version.Number] = model;
        }
    }

    /// <summary>Loads <paramref name="version"/> and then serves it (one reference swap).</summary>
    /// <exception cref="InvalidDataException">It cannot be loaded; the served model is unchanged.</exception>
    public void Serve(ModelVersion version)
    {
        var model = Load(version);
        _promoted = version.Number == 0 ? null : new Served(version.Number, model);
        StartProblem = null;
        Changed?.Invoke();
    }

    /// <summary>At start: the promoted version failed to load, so the embedded model is served; remembers why.</summary>
    internal void FallBack(string problem) => StartProblem = problem;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var model in _trained.Values) model.Dispose();
        _trained.Clear();
    }
}
