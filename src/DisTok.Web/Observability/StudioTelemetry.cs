using System.Diagnostics;
using System.Diagnostics.Metrics;
using DisTok.Web.Generation;

namespace DisTok.Web.Observability;

/// <summary>
/// The studio's own metrics and traces (meter and activity source "DisTok.Studio"), exported by OpenTelemetry when
/// configured (<see cref="TelemetryRegistration"/>): queue depth, job wait and render time, finished jobs by outcome,
/// live workers, and co-edit latency (an edit stored and pushed; an edit relayed from another node).
/// </summary>
public sealed class StudioTelemetry : IDisposable
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "DisTok.Studio";

    /// <summary>Where the studio's spans start (a job from queued to finished, an edit).</summary>
    public static readonly ActivitySource Source = new(Name);

    readonly Meter _meter;
    readonly Histogram<double> _wait, _render, _edit, _relay;
    readonly Counter<long> _finished;

    public StudioTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _wait = _meter.CreateHistogram<double>("distok.job.wait", "s", "Time a job waited in the queue before it started rendering");
        _render = _meter.CreateHistogram<double>("distok.job.render", "s", "Time from a job's start to its end (done, failed or cancelled)");
        _finished = _meter.CreateCounter<long>("distok.jobs.finished", "{job}", "Jobs finished, by outcome");
        _edit = _meter.CreateHistogram<double>("distok.room.edit", "ms", "A room edit stored and pushed to the room's members (this node)");
        _relay = _meter.CreateHistogram<double>("distok.room.relay", "ms", "Age of a room edit relayed from another node when it arrives here");
    }

    /// <summary>Reports the queue's depth (cluster-wide with workers) whenever metrics are collected.</summary>
    public void ObserveQueue(Func<long> depth, Func<long?> workersAlive)
    {
        _meter.CreateObservableGauge("distok.queue.depth", depth, "{job}", "Jobs waiting to start");
        _meter.CreateObservableGauge("distok.workers.alive", () => workersAlive() is { } n ? [new Measurement<long>(n)] : Array.Empty<Measurement<long>>(),
            "{worker}", "Generation workers that beat within 10 s (Studio:Generation = Workers)");
    }

    /// <summary>Follows a job from now: its wait when it starts, its render time and outcome when it ends, and a span.</summary>
    public void Track(GenerationJob job)
    {
        var queued = Stopwatch.GetTimestamp();
        long started = 0;
        var caller = Activity.Current;
        var span = Source.StartActivity("generation.job", ActivityKind.Internal);
        Activity.Current = caller;              // the job's span lives on past the call that queued it: it is nobody's parent
        span?.SetTag("distok.job.id", job.Id.ToString());
        span?.SetTag("distok.job.steps", job.TotalSteps);
        span?.SetTag("distok.room.id", job.Origin.RoomId);
        span?.SetTag("distok.job.remote", job.Remote);
        job.Changed += j =>
        {
            if (j.Status == GenerationStatus.Running && Interlocked.CompareExchange(ref started, Stopwatch.GetTimestamp(), 0) == 0)
            {
                _wait.Record(Stopwatch.GetElapsedTime(queued).TotalSeconds);
                span?.AddEvent(new ActivityEvent("started"));
            }
        };
        _ = job.Finished.ContinueWith(_ =>
        {
            var outcome = job.Status.ToString().ToLowerInvariant();
            if (Interlocked.Read(ref started) is var s and > 0) _render.Record(Stopwatch.GetElapsedTime(s).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
            _finished.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            span?.SetTag("distok.job.outcome", outcome);
            span?.Dispose();
        }, TaskScheduler.Default);
    }

    /// <summary>Times one room edit on this node (store and push), as a span and in <c>distok.room.edit</c>.</summary>
    public EditTiming Edit(string roomId) => new(this, Source.StartActivity("room.edit")?.SetTag("distok.room.id", roomId));

    /// <summary>An edit relayed from another node arrived, sent at <paramref name="sentUtc"/>.</summary>
    public void Relayed(DateTimeOffset sentUtc) => _relay.Record(Math.Max(0, (DateTimeOffset.UtcNow - sentUtc).TotalMilliseconds));

    /// <summary>Ends with the edit: records its duration.</summary>
    public readonly struct EditTiming(StudioTelemetry owner, Activity? span) : IDisposable
    {
        readonly long _start = Stopwatch.GetTimestamp();

        public void Dispose()
        {
            owner._edit.Record(Stopwatch.GetElapsedTime(_start).TotalMilliseconds);
            span?.Dispose();
        }
    }

    public void Dispose() => _meter.Dispose();
}
