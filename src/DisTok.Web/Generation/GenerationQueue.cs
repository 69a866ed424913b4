using DisTok.Core.Backbone;
using DisTok.Queue;
using DisTok.Web.Cluster;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Generation;

/// <summary>
/// Validates requests and hands them to <see cref="GenerationWorker"/> fairly: round-robin between payers (client
/// addresses, accounts) and, within one, between rooms (and clients outside rooms) by <see cref="FairScheduler{T}"/>;
/// at most <see cref="StudioOptions.QueueCapacity"/> waiting, <see cref="StudioOptions.MaxJobsPerClient"/> queued or
/// running per client, and <see cref="StudioOptions.MaxJobsPerAddress"/> per address or
/// <see cref="StudioOptions.MaxJobsPerAccount"/> per account whatever cookies or connections they use. Waiting jobs hear their queue position
/// whenever it changes; whoever queued a job may cancel it, waiting or running.
/// With <c>Studio:Generation = Workers</c> (<see cref="RemoteGeneration"/>) the waiting happens in the cluster's queue on
/// Redis instead, where the same limits and the same fairness hold across every node; this class then keeps the node's own
/// jobs, which the workers' reports move along.
/// </summary>
public sealed class GenerationQueue
{
    readonly Lock _gate = new();
    readonly FairScheduler<GenerationJob> _waiting = new(job => job.Origin.Lane, job => job.Origin.Group);
    readonly Dictionary<Guid, GenerationJob> _active = [];
    readonly SemaphoreSlim _signal = new(0);
    readonly StudioOptions _options;
    readonly IImageGenerator generator;
    readonly RemoteGeneration? _remote;
    readonly Observability.StudioTelemetry? _telemetry;
    CancellationTokenSource _arrival = new();

    public GenerationQueue(IImageGenerator generator, IOptions<StudioOptions> options, RemoteGeneration? remote = null,
        Observability.StudioTelemetry? telemetry = null)
    {
        this.generator = generator;
        _options = options.Value;
        _remote = remote;
        _telemetry = telemetry;
        remote?.Attach(this);
        telemetry?.ObserveQueue(() => Depth, () => remote?.WorkersAlive());
    }

    /// <summary>True when jobs go to the cluster's workers.</summary>
    public bool Remote => _remote is not null;

    /// <summary>Limits and defaults of the generator behind the queue.</summary>
    public GeneratorCapabilities Capabilities => generator.Capabilities;

    /// <summary>Jobs waiting to start (in the whole cluster when jobs go to workers).</summary>
    public int Depth
    {
        get
        {
            if (_remote is not null) return (int)_remote.Queue.WaitingAsync().GetAwaiter().GetResult();
            lock (_gate) return _waiting.Count;
        }
    }

    /// <summary>True while any job is queued or running (background work such as training waits for this to clear).</summary>
    public bool IsBusy { get { lock (_gate) return _active.Count > 0; } }

    /// <summary>A token cancelled when the next job is queued: background renders pass it so they give way at once.</summary>
    public CancellationToken NextArrival { get { lock (_gate) return _arrival.Token; } }

    /// <summary>Queues a render for nobody in particular; see <see cref="Enqueue(GenerationRequest, JobOrigin, Action{GenerationJob}?)"/>.</summary>
    public GenerationJob Enqueue(GenerationRequest request, Action<GenerationJob>? onChanged = null) =>
        Enqueue(request, JobOrigin.Anonymous, onChanged);

    /// <summary>
    /// Queues a render. <paramref name="onChanged"/> is attached before the job can start, so no step is missed.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid (the message says why); nothing is queued.</exception>
    /// <exception cref="GenerationLimitException">The client already has its most jobs, or the queue is full; nothing is queued.</exception>
    /// <param name="keep">For a room's job: how a worker labels the image it keeps in the room's history (workers only).</param>
    public GenerationJob Enqueue(GenerationRequest request, JobOrigin origin, Action<GenerationJob>? onChanged = null, JobKeep? keep = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var (steps, _) = generator.Capabilities.Resolve(request);
        var job = new GenerationJob(request, steps, origin) { Keep = keep };
        if (onChanged is not null) job.Changed += onChanged;
        if (_remote is not null)
        {
            EnqueueRemote(job);
            _telemetry?.Track(job);
            return job;
        }
        List<GenerationJob> moved;
        CancellationTokenSource arrived;
        lock (_gate)
        {
            int mine = _active.Values.Count(j => j.Origin.Owner == origin.Owner);
            if (mine >= _options.MaxJobsPerClient) throw ClientFull(mine);
            if (origin.Payer is { } payer)
            {
                int theirs = _active.Values.Count(j => j.Origin.Payer == payer);
                if (theirs >= ShareOf(payer)) throw PayerFull(payer, theirs);
            }
            if (_waiting.Count >= _options.QueueCapacity) throw QueueFull();
            _waiting.Add(job);
            _active[job.Id] = job;
            moved = Renumber();
            (arrived, _arrival) = (_arrival, new CancellationTokenSource());   // not disposed: readers may hold its token; it has no timer
        }
        arrived.Cancel();
        _telemetry?.Track(job);
        Raise(moved);
        _signal.Release();
        return job;
    }

    int ShareOf(string payer) => Identity.Payer.IsAccount(payer) ? _options.MaxJobsPerAccount : _options.MaxJobsPerAddress;

    GenerationLimitException ClientFull(long mine) =>
        new($"you already have {mine} generations queued or running (at most {_options.MaxJobsPerClient} per person); wait for one to finish or cancel one");

    GenerationLimitException PayerFull(string payer, long theirs) => new(Identity.Payer.IsAccount(payer)
        ? $"your account already has {theirs} generations queued or running (at most {ShareOf(payer)}); wait for one to finish"
        : $"your network address already has {theirs} generations queued or running (at most {ShareOf(payer)} per address, whichever browser or tab they came from); wait for one to finish");

    GenerationLimitException QueueFull() => new($"the generation queue is full ({_options.QueueCapacity} waiting); try again in a moment");

    /// <summary>Submits a job to the cluster's queue, where the limits are counted across every node.</summary>
    GenerationJob EnqueueRemote(GenerationJob job)
    {
        job.Remote = true;
        lock (_gate) _active[job.Id] = job;           // before submitting: a worker's first report may come at once
        var limits = _remote!.Limits with { PerPayer = job.Origin.Payer is { } p ? ShareOf(p) : int.MaxValue };
        (Admission admission, long count) = (Admission.QueueFull, 0);
        try { (admission, count) = _remote.Queue.SubmitAsync(RemoteGeneration.TicketOf(job), limits).GetAwaiter().GetResult(); }
        finally
        {
            if (admission != Admission.Admitted) lock (_gate) _active.Remove(job.Id);
        }
        if (admission == Admission.ClientFull) throw ClientFull(count);
        if (admission == Admission.PayerFull) throw PayerFull(job.Origin.Payer!, count);
        if (admission == Admission.QueueFull) throw QueueFull();
        CancellationTokenSource arrived;
        lock (_gate) (arrived, _arrival) = (_arrival, new CancellationTokenSource());
        arrived.Cancel();
        return job;
    }

    /// <summary>Applies a worker's report to this node's job (ignored for other nodes' jobs).</summary>
    internal void Apply(JobEvent e)
    {
        var job = Find(e.JobId);
        if (job is null) return;
        switch (e.Kind)
        {
            case JobEventKind.Started: job.Start(); break;
            case JobEventKind.Step: job.Report(new GenerationStep(e.Step, job.TotalSteps, e.Png ?? [])); break;
            case JobEventKind.Done:
                Release(job);
                job.KeptImageId = e.ImageId;
                job.Complete(RemoteGeneration.ImageOf(e));
                break;
            case JobEventKind.Failed: Release(job); job.Fail(e.Error ?? "generation failed on a worker"); break;
            case JobEventKind.Cancelled: Release(job); job.MarkCancelled(); break;
        }
    }

    /// <summary>Gives this node's waiting jobs their place in the cluster's order (job ids, first first).</summary>
    internal void Renumber(IReadOnlyList<string> order)
    {
        var moved = new List<GenerationJob>();
        lock (_gate)
            for (int i = 0; i < order.Count; i++)
                if (Guid.TryParse(order[i], out var id) && _active.GetValueOrDefault(id) is { Status: GenerationStatus.Queued } job && job.MoveTo(i + 1))
                    moved.Add(job);
        Raise(moved);
    }

    /// <summary>A queued or running job, or null when there is none with that id.</summary>
    public GenerationJob? Find(Guid jobId)
    {
        lock (_gate) return _active.GetValueOrDefault(jobId);
    }

    /// <summary>The waiting jobs in the order they will run, after the running one (if any).</summary>
    public IReadOnlyList<GenerationJob> Snapshot()
    {
        lock (_gate)
            return _remote is null
                ? [.. _active.Values.Where(j => j.Status == GenerationStatus.Running), .. _waiting.Order()]
                : [.. _active.Values.Where(j => j.Status == GenerationStatus.Running),
                   .. _active.Values.Where(j => j.Status == GenerationStatus.Queued).OrderBy(j => j.QueuePosition == 0 ? int.MaxValue : j.QueuePosition)];
    }

    /// <summary>Cancels a job: a waiting one leaves the queue at once, a running one stops at its next step.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="owner">The client asking; only the job's owner may cancel it.</param>
    /// <returns>False when the job is unknown or already finished.</returns>
    /// <exception cref="UnauthorizedAccessException">Someone else queued the job.</exception>
    public bool Cancel(Guid jobId, string owner)
    {
        GenerationJob? job;
        List<GenerationJob> moved = [];
        bool wasWaiting;
        lock (_gate)
        {
            if (!_active.TryGetValue(jobId, out job)) return false;
            if (job.Origin.Owner != owner) throw new UnauthorizedAccessException("only whoever queued this generation can cancel it");
        }
        if (job.Remote) return CancelRemote(job, runningToo: true);
        lock (_gate)
        {
            wasWaiting = _waiting.Remove(job);
            if (wasWaiting)
            {
                _active.Remove(jobId);
                moved = Renumber();
            }
        }
        if (wasWaiting) job.MarkCancelled();
        else job.RequestCancel();
        Raise(moved);
        return true;
    }

    /// <summary>Cancels a job only while it still waits (a running one is left to finish).</summary>
    /// <returns>True when it was waiting and is now cancelled.</returns>
    public bool CancelIfWaiting(Guid jobId, string owner)
    {
        GenerationJob? job;
        List<GenerationJob> moved;
        lock (_gate) job = _active.GetValueOrDefault(jobId);
        if (job is { Remote: true } && job.Origin.Owner == owner) return CancelRemote(job, runningToo: false);
        lock (_gate)
        {
            if (!_active.TryGetValue(jobId, out job) || job.Origin.Owner != owner || !_waiting.Remove(job)) return false;
            _active.Remove(jobId);
            moved = Renumber();
        }
        job.MarkCancelled();
        Raise(moved);
        return true;
    }

    /// <summary>A job on the cluster's queue: removed while it waits, else (if <paramref name="runningToo"/>) its worker is asked
    /// to stop it, and the worker's report ends it here.</summary>
    bool CancelRemote(GenerationJob job, bool runningToo)
    {
        if (_remote!.Queue.RemoveWaitingAsync(RemoteGeneration.TicketOf(job)).GetAwaiter().GetResult())
        {
            Release(job);
            job.MarkCancelled();
            return true;
        }
        if (!runningToo) return false;
        _remote.Queue.RequestCancelAsync(job.Id).GetAwaiter().GetResult();
        return true;
    }

    /// <summary>Cancels every job of a client (e.g. a hub client that disconnected).</summary>
    public int CancelAll(string owner)
    {
        List<Guid> ids;
        lock (_gate) ids = [.. _active.Values.Where(j => j.Origin.Owner == owner).Select(j => j.Id)];
        return ids.Count(id => Cancel(id, owner));
    }

    /// <summary>Waits for the next job by the fairness rule; it is no longer waiting when this returns.</summary>
    internal async Task<GenerationJob> TakeAsync(CancellationToken ct)
    {
        while (true)
        {
            await _signal.WaitAsync(ct);
            GenerationJob? job;
            List<GenerationJob> moved;
            lock (_gate)
            {
                // A cancelled job leaves its signal behind: skip it.
                if (!_waiting.TryTake(out job)) continue;
                moved = Renumber();
            }
            Raise(moved);
            return job;
        }
    }

    /// <summary>The worker is done with a job: it no longer counts against its client's limit.</summary>
    internal void Release(GenerationJob job)
    {
        lock (_gate) _active.Remove(job.Id);
    }

    List<GenerationJob> Renumber()
    {
        var order = _waiting.Order();
        var moved = new List<GenerationJob>();
        for (int i = 0; i < order.Count; i++)
            if (order[i].MoveTo(i + 1)) moved.Add(order[i]);
        return moved;
    }

    static void Raise(List<GenerationJob> moved)
    {
        foreach (var job in moved) job.RaiseChanged();
    }
}
