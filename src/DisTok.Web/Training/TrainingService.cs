using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Core.Tokens;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.ML.Text;
using DisTok.ML.Vision;
using DisTok.Web.Api;
using DisTok.Web.Generation;
using DisTok.Web.Models;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Training;

/// <summary>
/// Runs DisTok training inside the app, one run at a time, on its own thread, while the studio keeps serving. Before
/// every optimiser step it waits while the generation queue has work, and its renders (estimation, samples,
/// evaluation) give way the moment a job is queued (<see cref="GenerationGate"/>), so interactive generation waits
/// at most for the optimiser step in progress, and that step runs at a lower CPU priority (<see cref="BackgroundPriority"/>). A run starts from the served model's known concepts and
/// training settings (overridden by the admin's), trains into its run folder, evaluates the result on the dev set and
/// becomes version vN. Cancelled and failed runs leave no version; the served model only changes by promotion.
/// </summary>
public sealed class TrainingService(ServedDisTok served, OptionalModel<SoftLabeler> labeler, MiniLmTextEncoder encoder, IImageGenerator backbone,
    GenerationGate gate, TrainingRuns runs, ModelVersions versions, VersionFolders folders, IOptions<TrainingOptions> options,
    ILogger<TrainingService> logger, Cluster.TrainingCancels? cancels = null) : IHostedService, IDisposable
{
    sealed record Active(int Run, string By, CancellationTokenSource Cancel, TrainingLive Live)
    {
        public Task Work { get; set; } = Task.CompletedTask;
        public bool Stopping { get; set; }
        public ITimer? Lease { get; set; }   // renews the run's lease in the database while it is active
    }

    static readonly TimeSpan RecordEvery = TimeSpan.FromSeconds(2);
    readonly YieldingGenerator generator = new(backbone, gate);      // every background render gives way to people's
    readonly SemaphoreSlim _starting = new(1, 1);
    volatile Active? _active;
    volatile TrainingLive? _last;
    volatile string? _evaluating;
    readonly CancellationTokenSource _stopping = new();

    /// <summary>The live state of the active run, or of the last run since the app started; null before any.</summary>
    public TrainingSnapshot? Current => (_active?.Live ?? _last)?.Snapshot();

    /// <summary>True while a run trains or evaluates, or a version is being evaluated.</summary>
    public bool IsActive => _active is not null || _evaluating is not null;

    /// <summary>What the evaluation of an existing version is doing or how it ended (null before any).</summary>
    public string? EvaluationMessage { get; private set; }

    /// <summary>Raised (on the training thread) at most a few times a second while a run goes, and when it ends.</summary>
    public event Action? Changed;

    /// <summary>The settings the served model was trained with, the form's defaults.</summary>
    public TrainingSettings Defaults() => TrainingSettings.From(Basis(served.Model));

    /// <summary>Starts a run in the background.</summary>
    /// <exception cref="StudioValidationException">A setting is out of bounds; the message lists every problem.</exception>
    /// <exception cref="StudioConflictException">A run is already active.</exception>
    /// <exception cref="ModelMissingException">No DisTok model is served to start from.</exception>
    public async Task<TrainingRun> StartAsync(TrainingSettings settings, string by, CancellationToken ct = default)
    {
        var problems = settings.Problems(options.Value.MaxSteps);
        if (problems.Count > 0) throw new StudioValidationException("settings", string.Join("; ", problems));
        if (!served.TryGet(out var model, out var problem)) throw new ModelMissingException(problem);
        await _starting.WaitAsync(ct);
        try
        {
            if (_active is { } busy) throw new StudioConflictException($"training run {busy.Run} is still going; only one run at a time: cancel it or wait for it to end");
            if (_evaluating is { } label) throw new StudioConflictException($"version {label} is being evaluated; start the run when it is done");
            var run = await runs.StartAsync(settings.ToJson(), settings.Steps, by, ct);
            var active = new Active(run.Number, run.StartedBy, new CancellationTokenSource(), new TrainingLive(run.Number, settings.Steps));
            _active = active;
            active.Lease = TimeProvider.System.CreateTimer(_ => RenewLease(active.Run), null, TrainingRuns.Lease / 4, TrainingRuns.Lease / 4);
            active.Work = Task.Factory.StartNew(() => Run(active, settings, model, served.VersionLabel), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
            logger.LogInformation("Training run {Run} started by {By}: {Settings}", run.Number, by, settings.ToJson());
            return run;
        }
        finally { _starting.Release(); }
    }

    /// <summary>
    /// Evaluates an existing version on the dev set in the background (e.g. the embedded model, which was not evaluated
    /// in the studio), so it can be compared with trained ones. Shares the one slot with training runs.
    /// </summary>
    /// <exception cref="StudioNotFoundException">No such version.</exception>
    /// <exception cref="StudioConflictException">A run or another evaluation is going.</exception>
    /// <exception cref="ModelMissingException">No soft labeler is installed, so nothing can be measured.</exception>
    /// <exception cref="InvalidDataException">The version's files are unusable.</exception>
    public async Task EvaluateAsync(int number, string by, CancellationToken ct = default)
    {
        var soft = labeler.Model ?? throw new ModelMissingException(labeler.Problem!);
        var version = await versions.GetAsync(number, ct);
        await _starting.WaitAsync(ct);
        try
        {
            if (_active is { } busy) throw new StudioConflictException($"training run {busy.Run} is going; evaluate when it has ended");
            if (_evaluating is { } other) throw new StudioConflictException($"version {other} is being evaluated; one at a time");
            var model = served.Load(version);
            _evaluating = version.Label;
            EvaluationMessage = $"evaluating {version.Label}";
            logger.LogInformation("Evaluation of version {Version} started by {By}", version.Label, by);
            _ = Task.Factory.StartNew(() => EvaluateVersion(version, model, soft), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally { _starting.Release(); }
    }

    void EvaluateVersion(ModelVersion version, DisTokModel model, SoftLabeler soft)
    {
        BackgroundPriority.LowerCurrentThread();
        try
        {
            var eval = VersionEval.Run(model, generator, soft, DevSetPath(), options.Value.EvalSeeds, options.Value.EvalPriorSamples,
                folders.EvalDirectory(version), m => { EvaluationMessage = $"{version.Label}: {m}"; Changed?.Invoke(); }, _stopping.Token);
            versions.SetEvalAsync(version.Number, eval.ToJson()).GetAwaiter().GetResult();
            EvaluationMessage = $"{version.Label} evaluated: dev KL {eval.Kl:F3}, support {eval.SupportMass:F3}, {eval.Seconds:F0} s";
        }
        catch (OperationCanceledException) { EvaluationMessage = $"evaluating {version.Label} stopped: the server is shutting down"; }
        catch (Exception e)
        {
            logger.LogError(e, "Evaluating version {Version} failed", version.Label);
            EvaluationMessage = $"evaluating {version.Label} failed: {e.Message}";
        }
        finally
        {
            _evaluating = null;
            Changed?.Invoke();
        }
    }

    /// <summary>Asks run <paramref name="number"/> to stop at its next step (or its evaluation at the next item). In a
    /// cluster, a run going on another node is asked through <see cref="Cluster.TrainingCancels"/>.</summary>
    /// <exception cref="StudioNotFoundException">No such run.</exception>
    /// <exception cref="StudioConflictException">The run is not active, or its node stopped renewing its lease.</exception>
    public async Task CancelAsync(int number, string by, CancellationToken ct = default)
    {
        if (CancelHere(number, by)) return;
        var run = await runs.GetAsync(number, ct);
        if (!run.IsActive) throw new StudioConflictException($"training run {number} is not going (it is {run.Status}); nothing to cancel");
        if (cancels is null || DateTimeOffset.UtcNow - run.HeartbeatUtc > TrainingRuns.Lease)
            throw new StudioConflictException($"training run {number} is recorded as going, but no studio node has renewed it since {run.HeartbeatUtc:u}; "
                + "it is marked interrupted when a node starts");
        logger.LogInformation("Training run {Run}: asking the node that runs it to cancel ({By})", number, by);
        await cancels.PublishAsync(number, by);
    }

    /// <summary>Cancels the run if this process runs it.</summary>
    bool CancelHere(int number, string by)
    {
        if (_active is not { } active || active.Run != number) return false;
        logger.LogInformation("Training run {Run} cancelled by {By}", number, by);
        active.Cancel.Cancel();
        return true;
    }

    void Run(Active active, TrainingSettings settings, DisTokModel basis, string basisLabel)
    {
        if (!BackgroundPriority.LowerCurrentThread()) logger.LogWarning("Could not lower the training thread's priority; it competes with generation as an equal");
        var live = active.Live;
        var ct = active.Cancel.Token;
        int n = active.Run, step = 0;
        var directory = folders.RunDirectory(n);
        try
        {
            var trainOptions = settings.Apply(Basis(basis));
            var soft = labeler.Model;
            Func<float[], int, float[]>? estimate = soft is null ? null : (token, seed) =>
                soft.Classify(generator.Generate(new GenerationRequest(DisTokTrainer.CreativeTemplate, seed, trainOptions.EstimationImageSteps, null, token), null, ct).Png);
            if (soft is null) live.Note("no soft labeler is installed: the concept pool will not grow in this run");
            var record = Stopwatch.StartNew();
            var lastEvent = Stopwatch.StartNew();
            var trainer = new DisTokTrainer(encoder, trainOptions)
            {
                BetweenSteps = gate.Wait,
                Inspect = (s, decode) => Sample(live, s, decode, trainOptions.Seed, ct),
                InspectEvery = settings.SampleEvery,
            };
            var command = $"admin page, run {n} from {basisLabel}: {settings.ToJson()}";
            var distokRun = new DisTokRun(directory, command, DisTokRun.HashOf(ConceptCatalog.Default, DisTokModel.TextEncoderName),
                BackboneVersions(basis, soft));
            var result = trainer.Train(basis.Pool.Known.ToList(), distokRun, estimate, soft?.Concepts ?? basis.KnownConcepts,
                progress: new Reporter(p =>
                {
                    step = p.Step;
                    live.Report(p);
                    if (record.Elapsed >= RecordEvery) { record.Restart(); Record(n, p.Step, TrainingRunStatus.Running, live); }
                    if (p.Message is not null || lastEvent.ElapsedMilliseconds >= 250) { lastEvent.Restart(); Changed?.Invoke(); }
                }), ct: ct);
            step = result.Steps;
            if (result.Cancelled) { End(active, TrainingRunStatus.Cancelled, step, $"cancelled at step {step} of {settings.Steps}; no version was made"); return; }

            live.Set(TrainingRunStatus.Evaluating, "evaluating on the dev set");
            Record(n, step, TrainingRunStatus.Evaluating, live);
            Changed?.Invoke();
            var eval = Evaluate(directory, soft, live, ct);
            var folder = folders.Publish(n);
            using (var check = DisTokModel.Load(Path.Combine(folders.Root, folder)))
            {
                var version = new ModelVersion
                {
                    Number = n, Folder = folder, Sha256 = check.Stamp.Sha256, CreatedBy = active.By,
                    SettingsJson = check.Manifest.Config["training"]?.ToJsonString() ?? "{}", MetricsJson = check.Manifest.Metrics.ToJsonString(),
                    EvalJson = eval?.ToJson(),
                };
                versions.AddAsync(version).GetAwaiter().GetResult();
            }
            var done = $"completed: {step} steps in {result.Elapsed:hh\\:mm\\:ss}, pool {result.PoolSize} ({result.Discovered} discovered)" +
                (eval is null ? "; not evaluated (no soft labeler)" : $"; dev KL {eval.Kl:F3}, support {eval.SupportMass:F3}") + $"; version {ModelVersion.LabelOf(n)} is ready to promote";
            End(active, TrainingRunStatus.Completed, step, done, n);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            End(active, TrainingRunStatus.Cancelled, step, $"cancelled at step {step} of {settings.Steps}; no version was made");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training run {Run} failed", n);
            End(active, TrainingRunStatus.Failed, step, $"failed: {e.Message}");
        }
    }

    VersionEval? Evaluate(string directory, SoftLabeler? soft, TrainingLive live, CancellationToken ct)
    {
        if (soft is null) return null;
        using var model = DisTokModel.Load(directory);
        var o = options.Value;
        return VersionEval.Run(model, generator, soft, DevSetPath(), o.EvalSeeds, o.EvalPriorSamples, directory,
            m => { live.Say(m); Changed?.Invoke(); }, ct);
    }

    string DevSetPath() =>
        Path.IsPathRooted(options.Value.DevSetPath) ? options.Value.DevSetPath : Path.Combine(AppContext.BaseDirectory, options.Value.DevSetPath);

    // Renders the current checkpoint: fixed Gaussian latents (seeds 0..K−1) → t_crt → "a photo of a <*>".
    void Sample(TrainingLive live, int step, Func<float[], float[]> decode, int seed, CancellationToken ct)
    {
        int k = options.Value.SampleImages;
        if (k < 1) return;
        int latent = new DisTokConfig(TokenDim: encoder.Dimension).Latent;   // the trainer's network: ω of a fresh DisTokConfig
        var pngs = new List<byte[]>();
        for (int i = 0; i < k && !ct.IsCancellationRequested; i++)
        {
            var token = decode(PriorSampler.Sample(PriorKind.Gaussian, i, latent, 1.0));
            pngs.Add(generator.Generate(new GenerationRequest(DisTokTrainer.CreativeTemplate, seed + i, null, null, token), null, ct).Png);
        }
        if (pngs.Count > 0) live.AddSamples(step, pngs);
        Changed?.Invoke();
    }

    void End(Active active, string status, int step, string message, int? version = null)
    {
        active.Lease?.Dispose();
        if (status != TrainingRunStatus.Completed) folders.Discard(active.Run);
        if (active.Stopping && status != TrainingRunStatus.Completed)
            (status, message) = (TrainingRunStatus.Interrupted, $"interrupted: the server stopped at step {step}; the served model was not changed");
        active.Live.Set(status, message, version);
        try { runs.FinishAsync(active.Run, status, step, message, version).GetAwaiter().GetResult(); }
        catch (Exception e) { logger.LogError(e, "Could not record the end of training run {Run}", active.Run); }
        logger.LogInformation("Training run {Run} {Status}: {Message}", active.Run, status, message);
        _last = active.Live;
        _active = null;
        Changed?.Invoke();
    }

    // The lease says "this process still runs it" to the other studio nodes (TrainingRuns.Lease); a miss is logged, and
    // three in a row would let another node take the run for cut off.
    void RenewLease(int run)
    {
        try { runs.RenewAsync(run).GetAwaiter().GetResult(); }
        catch (Exception e) { logger.LogWarning(e, "Could not renew the lease of training run {Run}", run); }
    }

    void Record(int run, int step, string status, TrainingLive live)
    {
        try { runs.ProgressAsync(run, step, status, live.Snapshot().Message).GetAwaiter().GetResult(); }
        catch (Exception e) { logger.LogWarning(e, "Could not record the progress of training run {Run}", run); }
    }

    // The served model's training settings (its manifest's "training" object); defaults where it says nothing.
    static DisTokTrainOptions Basis(DisTokModel? model)
    {
        if (model?.Manifest.Config["training"] is not JsonObject training) return new DisTokTrainOptions();
        try { return training.Deserialize<DisTokTrainOptions>() ?? new DisTokTrainOptions(); }
        catch (JsonException) { return new DisTokTrainOptions(); }
    }

    static JsonObject BackboneVersions(DisTokModel basis, SoftLabeler? soft)
    {
        var recorded = basis.Manifest.Config["training"]?["backbone"] as JsonObject;
        return new JsonObject
        {
            ["diffusion_sha256"] = recorded?["diffusion_sha256"]?.DeepClone(),
            ["labeler_sha256"] = soft?.WeightsSha256,
        };
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (cancels is null) return;
        cancels.Requested += (run, by) => CancelHere(run, by);
        await cancels.ListenAsync();
    }

    /// <summary>At shutdown: stops an active run (it is recorded as interrupted) and waits briefly for it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_active is not { } active) return;
        active.Stopping = true;
        await active.Cancel.CancelAsync();
        await Task.WhenAny(active.Work, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks><c>_stopping</c> is left undisposed: the host may call <see cref="StopAsync"/> after disposing services, and a
    /// token source without a timer holds nothing to release.</remarks>
    public void Dispose() => _starting.Dispose();

    sealed class Reporter(Action<DisTokTrainProgress> report) : IProgress<DisTokTrainProgress>
    {
        public void Report(DisTokTrainProgress value) => report(value);
    }
}
