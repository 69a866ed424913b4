using System.Diagnostics.CodeAnalysis;

namespace DisTok.Web.Models;

/// <summary>
/// A model the app can run without (the DisTok model, the soft labeler): present when its folder exists at start,
/// loaded on first use. When it is missing or fails to load, <see cref="Problem"/> says why for the page to show.
/// </summary>
/// <typeparam name="T">The loaded model.</typeparam>
public sealed class OptionalModel<T> : IDisposable where T : class, IDisposable
{
    readonly Lazy<(T? Model, string? Problem)> _loaded;

    /// <summary>Prepares the slot; nothing is read until the model is first asked for.</summary>
    /// <param name="name">What to call it in messages, e.g. <c>DisTok model</c>.</param>
    /// <param name="directory">The model folder, e.g. <c>models/distok</c>.</param>
    /// <param name="shownPath">The folder as the person configured it (no machine paths in messages).</param>
    /// <param name="load">Loads the folder; may throw with a reason.</param>
    /// <param name="logger">Logs a load failure with its stack.</param>
    public OptionalModel(string name, string directory, string shownPath, Func<string, T> load, ILogger logger)
    {
        Name = name;
        Installed = Directory.Exists(directory);
        _loaded = new(() =>
        {
            if (!Installed) return (null, $"{name} not installed (no model at {shownPath}; add one and restart)");
            try { return (load(directory), null); }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
            {
                logger.LogError(e, "Could not load the {Name} from {Directory}", name, directory);
                return (null, $"{name} could not be loaded: {e.Message}");
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>What the model is called in messages.</summary>
    public string Name { get; }

    /// <summary>True when the model's folder existed at start (it may still fail to load).</summary>
    public bool Installed { get; }

    /// <summary>The loaded model, or null when missing or broken (loads it on first call).</summary>
    public T? Model => _loaded.Value.Model;

    /// <summary>Why there is no model, or null when it loaded (loads it on first call).</summary>
    public string? Problem => _loaded.Value.Problem;

    /// <summary>The model, or the reason there is none.</summary>
    public bool TryGet([NotNullWhen(true)] out T? model, [NotNullWhen(false)] out string? problem)
    {
        (model, problem) = _loaded.Value;
        return model is not null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_loaded.IsValueCreated) _loaded.Value.Model?.Dispose();
    }
}
