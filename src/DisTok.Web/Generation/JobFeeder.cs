using DisTok.Core.Backbone;

namespace DisTok.Web.Generation;

/// <summary>
/// Renders a batch (an Explore grid, a morph strip) one job at a time: the next request is queued when the previous
/// one ends, so a batch never takes more than one of its owner's queue slots and the other rooms keep their turn.
/// <see cref="Changed"/> fires for every step of every job. Disposing cancels what is left.
/// </summary>
public sealed class JobFeeder : IDisposable
{
    readonly GenerationQueue _queue;
    readonly JobOrigin _origin;
    readonly IReadOnlyList<GenerationRequest> _requests;
    readonly GenerationJob?[] _jobs;
    readonly Lock _gate = new();
    int _next;
    bool _stopped;

    /// <param name="queue">The queue to feed.</param>
    /// <param name="origin">Who the jobs belong to (their owner may cancel them; they count against the owner's limit).</param>
    /// <param name="requests">The renders, in order.</param>
    public JobFeeder(GenerationQueue queue, JobOrigin origin, IReadOnlyList<GenerationRequest> requests)
    {
        (_queue, _origin, _requests) = (queue, origin, requests);
        _jobs = new GenerationJob?[requests.Count];
    }

    /// <summary>Raised with the index of the request whose job changed (from the worker's thread).</summary>
    public event Action<int>? Changed;

    /// <summary>The job of each request, null until it is queued.</summary>
    public IReadOnlyList<GenerationJob?> Jobs => _jobs;

    /// <summary>Why the batch stopped early (e.g. the owner's queue slots are all taken), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>True once every request has ended (or the batch stopped).</summary>
    public bool IsFinished { get { lock (_gate) return _stopped || _next >= _requests.Count && _jobs.All(j => j?.IsFinished ?? true); } }

    /// <summary>Queues the first request.</summary>
    /// <exception cref="ArgumentException">The first request is invalid (e.g. too many steps); nothing is queued.</exception>
    /// <exception cref="GenerationLimitException">The owner has no free slot or the queue is full; nothing is queued.</exception>
    public void Start() => QueueNext(throwOnLimit: true);

    void QueueNext(bool throwOnLimit)
    {
        int index;
        lock (_gate)
        {
            if (_stopped || _next >= _requests.Count) return;
            index = _next++;
        }
        try
        {
            var job = _queue.Enqueue(_requests[index], _origin, j => OnJobChanged(index, j));
            bool stopped;
            lock (_gate)
            {
                _jobs[index] = job;
                stopped = _stopped;
            }
            // Disposed while the job was being queued: Dispose could not see it, so it is cancelled here.
            if (stopped) _queue.Cancel(job.Id, _origin.Owner);
            Changed?.Invoke(index);
        }
        catch (GenerationLimitException e) when (!throwOnLimit)
        {
            Stop(e.Message);
        }
        catch (ArgumentException e) when (!throwOnLimit)
        {
            Stop(e.Message);
        }
    }

    void OnJobChanged(int index, GenerationJob job)
    {
        lock (_gate) _jobs[index] ??= job;
        Changed?.Invoke(index);
        if (job.IsFinished) QueueNext(throwOnLimit: false);
    }

    void Stop(string problem)
    {
        lock (_gate) _stopped = true;
        Problem = problem;
        Changed?.Invoke(-1);
    }

    /// <summary>Stops feeding and cancels the job in flight.</summary>
    public void Dispose()
    {
        GenerationJob? running;
        lock (_gate)
        {
            _stopped = true;
            running = _jobs.FirstOrDefault(j => j is { IsFinished: false });
        }
        if (running is not null) _queue.Cancel(running.Id, _origin.Owner);
    }
}
