using System.Collections.Concurrent;
using DisTok.Web.Generation;

namespace DisTok.Web.Api;

/// <summary>
/// The jobs scripts submitted through the REST API, kept after they finish so their image can still be fetched: the
/// newest <see cref="Kept"/> jobs stay, older finished ones are forgotten (a forgotten id answers 404).
/// </summary>
public sealed class ApiJobs
{
    /// <summary>How many API jobs are remembered.</summary>
    public const int Kept = 256;

    readonly ConcurrentDictionary<Guid, ApiJob> _jobs = new();
    readonly ConcurrentQueue<Guid> _order = new();

    /// <summary>Remembers a job, forgetting the oldest finished ones beyond <see cref="Kept"/>.</summary>
    public void Add(ApiJob entry)
    {
        _jobs[entry.Job.Id] = entry;
        _order.Enqueue(entry.Job.Id);
        // Unfinished jobs are never dropped; the queue's own limits bound how many there can be.
        for (int n = _order.Count - Kept; n > 0 && _order.TryPeek(out var oldest); n--)
        {
            if (_jobs.TryGetValue(oldest, out var old) && !old.Job.IsFinished) break;
            if (_order.TryDequeue(out oldest)) _jobs.TryRemove(oldest, out _);
        }
    }

    /// <summary>The job, or null when it is unknown or forgotten.</summary>
    public ApiJob? Find(Guid id) => _jobs.GetValueOrDefault(id);
}

/// <summary>An API job with what the caller asked for.</summary>
/// <param name="Job">The queued job.</param>
/// <param name="Distribution">The normalised distribution, as text.</param>
/// <param name="Normalised">True when the submitted weights were rescaled to sum to 1.</param>
public sealed record ApiJob(GenerationJob Job, string Distribution, bool Normalised)
{
    /// <summary>The job as the API shows it.</summary>
    public GenerationView View() => GenerationView.Of(Job, Distribution, Normalised);
}
