using DisTok.Core.Backbone;
using DisTok.Core.Tokens;
using DisTok.Data.Validation;
using DisTok.ML.DisTok;
using DisTok.Web.Reading;
using DisTok.Web.Generation;
using DisTok.Web.Identity;
using DisTok.Web.Library;
using DisTok.Web.Models;
using DisTok.Web.Rooms;
using DisTok.Data.Stores;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Components.Explore;

/// <summary>
/// Unconditional tokens from a prior (Gaussian, Laplace, Cauchy) and a temperature, rendered as a grid with the soft
/// labeler's reading of each image; samples can be kept in the library, and two of them morphed into a strip. Each
/// sample renders with its own seed as the noise seed, so "seed N" names both the latent and the noise.
/// </summary>
public partial class ExplorePage : IDisposable
{
    /// <summary>Most samples in one grid.</summary>
    public const int MaxSamples = 16;

    /// <summary>Frames in a morph strip, both ends included.</summary>
    public const int MorphLength = 6;

    [Inject] ServedDisTok DisTok { get; set; } = default!;
    [Inject] GenerationQueue Queue { get; set; } = default!;
    [Inject] LabelerReading Reader { get; set; } = default!;
    [Inject] TokenKeeper Keeper { get; set; } = default!;
    [Inject] IOptions<StudioOptions> Options { get; set; } = default!;
    [Inject] RoomOpener Rooms { get; set; } = default!;
    [Inject] TokenLibrary Library { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    static readonly string[] PriorNames = Enum.GetValues<PriorKind>().Select(Priors.Name).ToArray();

    JobFeeder? _grid;
    JobFeeder? _morph;

    string Prior { get; set; } = "gaussian";
    double Temperature { get; set; } = 1.0;
    int FirstSeed { get; set; }
    int Count { get; set; } = 8;
    int Steps { get; set; }
    string Template { get; set; } = "a photo of a <*>";
    List<ExploreSample> Samples { get; set; } = [];
    ExploreSample? MorphA { get; set; }
    ExploreSample? MorphB { get; set; }
    IReadOnlyList<GenerationJob?> MorphFrames { get; set; } = [];
    string? ErrorMessage { get; set; }
    string? InfoMessage { get; set; }

    string? Unavailable => DisTok.Problem;
    GeneratorCapabilities Capabilities => Queue.Capabilities;
    string Me => User?.DisplayName ?? StudioLimits.AnonymousName;
    JobOrigin Origin => new(User?.ClientId ?? JobOrigin.Anonymous.Owner, null, Me);

    protected override void OnInitialized() =>
        Steps = Math.Clamp(Options.Value.DefaultSteps, Capabilities.MinSteps, Capabilities.MaxSteps);

    async Task NextPageAsync()
    {
        FirstSeed = (int)Math.Min(int.MaxValue - MaxSamples, (long)FirstSeed + Count);
        await SampleAsync();
    }

    Task SampleAsync() => Guard(() =>
    {
        var model = DisTok.Model ?? throw new ArgumentException(DisTok.Problem);
        if (Count is < 1 or > MaxSamples) throw new ArgumentException($"a grid has 1 to {MaxSamples} samples, got {Count}");
        if (FirstSeed < 0) throw new ArgumentException($"seeds start at 0, got {FirstSeed}");
        var prior = Priors.Parse(Prior);
        var template = StudioInput.Template(Template);
        var samples = Enumerable.Range(FirstSeed, Count).Select(seed => new ExploreSample(model.TokenFromPrior(prior, seed, Temperature))).ToList();
        var requests = samples.Select(s => new GenerationRequest(template, s.Seed, Steps, Token: s.Token.Vector)).ToList();
        var feeder = Restart(ref _grid, requests, index =>
        {
            if (index < 0) return;
            var sample = Samples.ElementAtOrDefault(index);
            if (sample is null || _grid is null) return;
            sample.Job = _grid.Jobs[index];
            if (sample.Job is { Status: GenerationStatus.Done, Result: { } result } && sample.Reading is null && Reader.Unavailable is null)
                _ = ReadAsync(sample, result.Png);
        });
        (Samples, MorphA, MorphB, MorphFrames, InfoMessage) = (samples, null, null, [], null);
        feeder.Start();
    });

    async Task ReadAsync(ExploreSample sample, byte[] png)
    {
        sample.Reading = [];   // reading in progress: don't start another
        try { sample.Reading = await Reader.ReadAsync(png); }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException) { sample.Reading = null; ErrorMessage = e.Message; }
        await InvokeAsync(StateHasChanged);
    }

    void PickMorphEnd(ExploreSample sample, char end)
    {
        if (end == 'A') MorphA = MorphA == sample ? null : sample;
        else MorphB = MorphB == sample ? null : sample;
    }

    Task MorphAsync() => Guard(() =>
    {
        var model = DisTok.Model ?? throw new ArgumentException(DisTok.Problem);
        if (MorphA is not { } a || MorphB is not { } b) throw new ArgumentException("pick a start (1) and an end (2) first");
        var template = StudioInput.Template(Template);
        var frames = model.Morph(model.LatentOf(a.Token.Source), model.LatentOf(b.Token.Source), MorphLength);
        var requests = frames.Select(v => new GenerationRequest(template, a.Seed, Steps, Token: v)).ToList();
        var feeder = Restart(ref _morph, requests, _ => MorphFrames = _morph?.Jobs.ToList() ?? []);
        MorphFrames = feeder.Jobs.ToList();
        feeder.Start();
    });

    // One Guard around the whole action: a failure to keep is the message shown, not overwritten by the outer step.
    Task OpenRoomAsync(ExploreSample sample) => Guard(async () =>
    {
        if (sample.KeptId is null) await KeepCoreAsync(sample);
        var roomId = await Rooms.OpenWithTokenAsync(await Library.GetAsync(sample.KeptId!.Value), Me, User?.Owner);
        Navigation.NavigateTo($"/rooms/{roomId}");
    });

    Task KeepAsync(ExploreSample sample) => Guard(() => KeepCoreAsync(sample));

    async Task KeepCoreAsync(ExploreSample sample)
    {
        var source = sample.Token.Source;
        var reading = sample.Reading is { Count: > 0 } r ? LabelerReading.Describe(r) : null;
        var saved = await Keeper.KeepPriorAsync(source.Prior!.Value, sample.Seed, source.Temperature ?? 1.0,
            sample.Job?.Result?.Png, reading, Me, User?.Owner);
        sample.KeptId = saved.Id;
        InfoMessage = $"Kept \"{saved.Name}\" in the library.";
    }

    /// <summary>Stops the batch in <paramref name="slot"/> (cancelling its job in flight) and sets up a new one.</summary>
    JobFeeder Restart(ref JobFeeder? slot, IReadOnlyList<GenerationRequest> requests, Action<int> onChanged)
    {
        slot?.Dispose();
        var feeder = new JobFeeder(Queue, Origin, requests);
        feeder.Changed += index => _ = InvokeAsync(() =>
        {
            onChanged(index);
            if (feeder.Problem is { } problem) ErrorMessage = problem;
            StateHasChanged();
        });
        slot = feeder;
        return feeder;
    }

    async Task Guard(Func<Task> action) => ErrorMessage = await PageActions.RunAsync(action);

    Task Guard(Action action) => Guard(() => { action(); return Task.CompletedTask; });

    /// <inheritdoc />
    public void Dispose()
    {
        _grid?.Dispose();
        _morph?.Dispose();
    }
}
