using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.Core.Distributions;
using DisTok.Data.Entities;
using DisTok.Data.Stores;
using DisTok.Data.Validation;
using DisTok.Web.Generation;
using DisTok.Web.Identity;
using DisTok.Web.Library;
using DisTok.Web.Reading;
using DisTok.Web.Rooms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace DisTok.Web.Components.Rooms;

/// <summary>
/// The Studio page of one room: the co-edited distribution (picker, sliders, normalised bar), the template, presence,
/// generation shown to every member, and the history. Edits go through <see cref="RoomEditor"/> (stored, then pushed
/// to all); this page applies every pushed room whose revision is newer than the one it shows.
/// </summary>
public partial class RoomPage : IDisposable
{
    [Inject] RoomStore Store { get; set; } = default!;
    [Inject] RoomEditor Editor { get; set; } = default!;
    [Inject] RoomHubState Hub { get; set; } = default!;
    [Inject] RoomGeneration Generation { get; set; } = default!;
    [Inject] GenerationQueue Queue { get; set; } = default!;
    [Inject] IOptions<StudioOptions> StudioOptions { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] IJSRuntime JS { get; set; } = default!;
    [Inject] TokenKeeper Keeper { get; set; } = default!;
    [Inject] ShareLinks ShareLinks { get; set; } = default!;
    [Inject] TokenLibrary Library { get; set; } = default!;
    [Inject] RemixReader Remix { get; set; } = default!;
    [CascadingParameter] StudioUser? User { get; set; }

    /// <summary>The room's id, from the address.</summary>
    [Parameter] public string RoomId { get; set; } = "";

    RoomMembership? _member;
    string? _loadedId;
    WeightPump? _pump;
    int _holdVersion;

    Room? Room { get; set; }
    bool NotFound { get; set; }
    IReadOnlyList<RoomImage> History { get; set; } = [];

    /// <summary>The image whose asked vs seen is shown: the one last restored, else the latest.</summary>
    RoomImage? ReadImage => _restored ?? History.FirstOrDefault();
    RoomImage? _restored;
    IReadOnlyList<RoomPresence> Members { get; set; } = [];
    IReadOnlyList<GenerationJob> Jobs { get; set; } = [];
    GenerationJob? ShownJob { get; set; }
    int Seed { get; set; }
    int Steps { get; set; }
    string? ErrorMessage { get; set; }
    string? Normalisation { get; set; }
    string? InfoMessage { get; set; }
    Dictionary<string, string> TokenNames { get; } = [];
    string? InfoLink { get; set; }
    string? InfoLinkText { get; set; }

    StudioOptions Options => StudioOptions.Value;
    GeneratorCapabilities Capabilities => Queue.Capabilities;
    string Me => User?.DisplayName ?? StudioLimits.AnonymousName;
    bool AtConceptLimit => Room!.Weights.Count >= Options.MaxRoomConcepts;

    string? GenerateDisabledReason =>
        Generation.Unavailable is { } problem ? $"{problem}; generating is off"
        : Room!.Weights.Count == 0 ? "add a concept to generate"
        : Room.Weights.All(w => WeightOf(w) <= 0) ? "give a concept a weight above 0 to generate"
        : null;

    protected override void OnInitialized()
    {
        Steps = Math.Clamp(Options.DefaultSteps, Capabilities.MinSteps, Capabilities.MaxSteps);
        _pump = new WeightPump((key, weight) => ApplyAsync(Editor.SetWeightAsync(RoomId, key, weight, Me)));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == RoomId) return;
        _loadedId = RoomId;
        _member?.Dispose();
        _member = null;
        (Room, NotFound, History, ShownJob) = (null, false, [], null);
        try
        {
            Room = await Store.GetAsync(RoomId);
            // Join only in the interactive render (not while prerendering), then read again so no edit slips between.
            if (RendererInfo.IsInteractive) _member = Hub.Join(RoomId, Me, OnNotice);
            Room = await Store.GetAsync(RoomId);
            await NameTokensAsync(Room);
            History = await Store.HistoryAsync(RoomId, Options.HistoryShown);
            Members = Hub.Members(RoomId);
            Jobs = Hub.Jobs(RoomId);
            ShownJob = Jobs.FirstOrDefault(j => j.Status == GenerationStatus.Running) ?? Jobs.FirstOrDefault();
        }
        catch (StudioNotFoundException)
        {
            NotFound = true;
        }
        catch (StudioValidationException e)
        {
            ErrorMessage = e.Message;   // e.g. the room is full
        }
    }

    bool _hint;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Room is null || _remembered == RoomId) return;
        _remembered = RoomId;
        try
        {
            await JS.InvokeVoidAsync("distokStudio.rememberRoom", RoomId);
            if (await JS.InvokeAsync<bool>("distokStudio.firstRoomVisit")) { _hint = true; StateHasChanged(); }
        }
        catch (JSException) { }   // local storage blocked: no recent list, no hint
    }

    string? _remembered;

    void OnNotice(RoomNotice notice) => _ = InvokeAsync(() =>
    {
        switch (notice.Kind)
        {
            case RoomNoticeKind.Edited when notice.Room is { } room && (Room is null || room.Revision > Room.Revision):
                Room = room;
                _ = NameTokensAsync(room);
                break;
            case RoomNoticeKind.Presence:
                Members = Hub.Members(RoomId);
                break;
            case RoomNoticeKind.Job when notice.Job is { } job:
                Jobs = Hub.Jobs(RoomId);
                if (ShownJob is null || ShownJob.IsFinished && !job.IsFinished || job.Status == GenerationStatus.Running && ShownJob.Status != GenerationStatus.Running)
                    ShownJob = job;
                break;
            case RoomNoticeKind.ImageAdded when notice.Image is { } image && History.All(i => i.Id != image.Id):
                History = [image, .. History.Take(Options.HistoryShown - 1)];
                _restored = null;   // follow the latest image
                break;
        }
        StateHasChanged();
    });

    double WeightOf(RoomWeight w) => _pump is not null && _pump.TryGetLocal(w.Key, out var local) ? local : w.Weight;

    double ShareOf(RoomWeight w)
    {
        double total = Room!.Weights.Sum(WeightOf);
        return total > 0 ? WeightOf(w) / total : 0;
    }

    IReadOnlyList<string> HoldersOf(string key) =>
        [.. Members.Where(m => m.HoldingKey == key && m.MemberId != _member?.Id).Select(m => m.DisplayName)];

    async Task ApplyAsync(Task<Room> edit)
    {
        var room = await edit;
        if (Room is null || room.Revision > Room.Revision) Room = room;
        await NameTokensAsync(room);
    }

    /// <summary>Looks up the names of saved tokens in the room that are not named yet.</summary>
    async Task NameTokensAsync(Room room)
    {
        bool added = false;
        foreach (var w in room.Weights)
        {
            if (w.TokenId is not { } id || TokenNames.ContainsKey(w.Key)) continue;
            try { TokenNames[w.Key] = (await Library.GetAsync(id)).Name; }
            catch (StudioNotFoundException) { TokenNames[w.Key] = "deleted token"; }
            added = true;
        }
        if (added) await InvokeAsync(StateHasChanged);
    }

    bool _renaming;
    string _newName = "";

    Task RenameRoomAsync() => RunAsync(async () =>
    {
        await ApplyAsync(Editor.RenameAsync(RoomId, _newName, Me, User?.Actor ?? new StudioActor(null, false)));
        _renaming = false;
    });

    async Task RunAsync(Func<Task> action) => ErrorMessage = await PageActions.RunAsync(action);

    Task ChangeWeightAsync(string key, double weight)
    {
        Hold(key, true);
        ReleaseHoldLater();
        return RunAsync(() => _pump!.SetAsync(key, weight));
    }

    void Hold(string key, bool held)
    {
        _holdVersion++;
        _member?.Hold(held ? key : null);
    }

    async void ReleaseHoldLater()
    {
        int version = _holdVersion;
        await Task.Delay(1500);
        if (version == _holdVersion) _member?.Hold(null);
    }

    Task AddConceptAsync(string key) => RunAsync(() => ApplyAsync(Editor.SetWeightAsync(RoomId, key, 50, Me)));

    Task RemoveAsync(string key) => RunAsync(() => ApplyAsync(Editor.RemoveAsync(RoomId, key, Me)));

    Task SetTemplateAsync(string template) => RunAsync(() => ApplyAsync(Editor.SetTemplateAsync(RoomId, template, Me)));

    void RandomSeed() => Seed = Random.Shared.Next(0, int.MaxValue);

    async Task GenerateAsync()
    {
        ErrorMessage = null;
        try
        {
            var room = await Store.GetAsync(RoomId);   // what is stored is what renders
            var origin = new JobOrigin(User?.ClientId ?? JobOrigin.Anonymous.Owner, RoomId, Me, User?.Payer);
            var start = await Generation.StartAsync(room, Seed, Steps, origin);
            Normalisation = start.Normalisation;
            ShownJob = start.Job;
            Jobs = Hub.Jobs(RoomId);
        }
        catch (Exception e) when (e is ArgumentException or StudioNotFoundException)
        {
            ErrorMessage = e.Message;
        }
    }

    void Cancel(GenerationJob job)
    {
        try { Queue.Cancel(job.Id, User?.ClientId ?? ""); }
        catch (UnauthorizedAccessException e) { ErrorMessage = e.Message; }
    }

    static IReadOnlyList<(string Key, double Weight)> AskedOf(RoomImage image)
    {
        try { return RoomBlend.ParseText(image.DistributionText); }
        catch (StudioValidationException) { return []; }
    }

    Task RestoreAsync(RoomImage image) => RunAsync(async () =>
    {
        var parts = RoomBlend.ParseText(image.DistributionText);
        _restored = image;
        Seed = image.Seed;
        Steps = Math.Clamp(image.Steps, Capabilities.MinSteps, Capabilities.MaxSteps);
        if (image.Template != Room!.Template) await ApplyAsync(Editor.SetTemplateAsync(RoomId, image.Template, Me));
        await ReplaceWeightsAsync(parts);
    });

    /// <summary>Makes the room's weights exactly <paramref name="parts"/> (shares as percentages), one stored edit at a time.</summary>
    async Task ReplaceWeightsAsync(IReadOnlyList<(string Key, double Share)> parts)
    {
        foreach (var stale in Room!.Weights.Where(w => parts.All(p => p.Key != w.Key)).Select(w => w.Key).ToList())
            await ApplyAsync(Editor.RemoveAsync(RoomId, stale, Me));
        foreach (var (key, share) in parts)
            await ApplyAsync(Editor.SetWeightAsync(RoomId, key, Math.Round(share * 100, 2), Me));
    }

    Task RemixAsync(RemixReading reading) => RunAsync(() => ApplyRemixAsync(reading));

    Task RemixImageAsync(RoomImage image) => RunAsync(async () =>
    {
        RemixReading reading;
        try { reading = await Remix.ReadAsync(image.Png); }
        catch (InvalidOperationException e) { throw new ArgumentException($"remixing needs the soft labeler: {e.Message}"); }
        await ApplyRemixAsync(reading);
    });

    async Task ApplyRemixAsync(RemixReading reading)
    {
        await ReplaceWeightsAsync(reading.Distribution.Entries.Select(e => (e.Concept, e.Weight)).ToList());
        Inform($"Remixed: {reading.Note}. Edit it, then Generate makes its DisTok token's image.", null, null);
    }

    // A refusal (e.g. "made by another model version") is an ArgumentException: RunAsync shows its message.
    Task KeepAsync(RoomImage image) => RunAsync(async () =>
    {
        var saved = await Keeper.KeepRoomImageAsync(image, Me, User?.Owner);
        Inform($"Kept \"{saved.Name}\" in the library.", "/library", "Open the library");
    });

    Task ShareSnapshotAsync() => RunAsync(async () =>
    {
        var link = await ShareLinks.CreateForRoomSnapshotAsync(RoomId, Room!.Name, owner: User?.Owner);
        var url = $"/s/{link.Id}";
        Inform("Snapshot shared (read-only):", url, Navigation.ToAbsoluteUri(url).ToString());
    });

    void Inform(string message, string? link, string? linkText) => (InfoMessage, InfoLink, InfoLinkText) = (message, link, linkText);

    async Task<bool> RenameAsync(string name)
    {
        if (User is null) return false;
        try
        {
            var clean = User.Rename(name);
            _member?.Rename(clean);
            ErrorMessage = null;
            await JS.InvokeVoidAsync("distokStudio.rememberName", clean);
            return true;
        }
        catch (StudioValidationException e)
        {
            ErrorMessage = e.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _holdVersion++;
        _member?.Dispose();
    }
}
