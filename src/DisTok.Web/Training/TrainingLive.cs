using DisTok.Data.Entities;
using DisTok.ML.DisTok;

namespace DisTok.Web.Training;

/// <summary>The live state of one run, written by the training thread and read as <see cref="TrainingSnapshot"/>s by pages.</summary>
public sealed class TrainingLive(int run, int totalSteps)
{
    /// <summary>Most curve points kept; past it every second point is dropped, so the curve spans the whole run.</summary>
    public const int MaxPoints = 1000;

    /// <summary>Most sample sets kept (the newest).</summary>
    public const int MaxSampleSets = 12;

    const int MaxEvents = 50;

    readonly Lock _gate = new();
    readonly List<LossPoint> _curve = [];
    readonly List<SampleSet> _samples = [];
    readonly List<string> _events = [];
    int _keepEvery = 1;
    string _status = TrainingRunStatus.Running;
    string _message = "starting";
    int _step, _pool, _discovered;
    double _rate;
    TimeSpan _eta;
    int? _version;

    /// <summary>The run's number.</summary>
    public int Run => run;

    /// <summary>Takes a trainer progress event.</summary>
    public void Report(DisTokTrainProgress p)
    {
        lock (_gate)
        {
            (_step, _pool, _discovered) = (p.Step, p.PoolSize, p.Discovered);
            if (p.Message is { } m) { Event(m); return; }
            (_rate, _eta) = (p.SamplesPerSecond, p.Eta);
            _message = $"training: step {p.Step} of {p.TotalSteps}";
            if (p.Step % _keepEvery != 0) return;
            _curve.Add(new LossPoint(p.Step, p.MixLoss, p.ConsistencyLoss, p.RegularizationLoss));
            if (_curve.Count > MaxPoints)
            {
                _keepEvery *= 2;
                _curve.RemoveAll(x => x.Step % _keepEvery != 0);
            }
        }
    }

    /// <summary>Adds sample images of the checkpoint at <paramref name="step"/>.</summary>
    public void AddSamples(int step, IReadOnlyList<byte[]> pngs)
    {
        lock (_gate)
        {
            _samples.Add(new SampleSet(step, pngs));
            if (_samples.Count > MaxSampleSets) _samples.RemoveAt(0);
        }
    }

    /// <summary>Sets the state and what it is doing.</summary>
    public void Set(string status, string message, int? version = null)
    {
        lock (_gate)
        {
            (_status, _message) = (status, message);
            _version ??= version;
            if (status is not (TrainingRunStatus.Running or TrainingRunStatus.Evaluating)) { _eta = TimeSpan.Zero; Event(message); }
        }
    }

    /// <summary>Adds a notable moment to the events without changing the state.</summary>
    public void Note(string text)
    {
        lock (_gate) Event(text);
    }

    /// <summary>Only the message (e.g. evaluation progress).</summary>
    public void Say(string message)
    {
        lock (_gate) _message = message;
    }

    /// <summary>The state now.</summary>
    public TrainingSnapshot Snapshot()
    {
        lock (_gate)
            return new TrainingSnapshot(run, _status, _step, totalSteps, [.. _curve], _pool, _discovered, _rate, _eta, [.. _samples], [.. _events], _message, _version);
    }

    void Event(string text)
    {
        _events.Add($"step {_step}: {text}");
        if (_events.Count > MaxEvents) _events.RemoveAt(0);
    }
}
