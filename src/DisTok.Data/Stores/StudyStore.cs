using System.Security.Cryptography;
using System.Text;
using DisTok.Data.Entities;
using DisTok.Data.Storage;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Stores;

/// <summary>Studies for their owners: create, read, change status, store rendered images. Owner calls need the owner key.</summary>
public sealed class StudyStore(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    /// <summary>Creates a draft study; returns it with its owner key.</summary>
    /// <exception cref="StudioValidationException">A field breaks a limit; nothing is stored.</exception>
    /// <param name="owner">The creator's owner identity (see <see cref="StudioActor"/>): with it they manage the study without the key.</param>
    /// <param name="initial">The status it is stored with (Rendering starts it at once, in the same write).</param>
    public async Task<Study> CreateAsync(StudyDraft draft, CancellationToken ct = default, string? owner = null, StudyStatus initial = StudyStatus.Draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var study = new Study
        {
            Id = UnguessableId.New(),
            OwnerKey = UnguessableId.New(),
            Owner = owner,
            Title = StudioInput.Name(draft.Title, "title"),
            Question = StudioInput.Name(draft.Question, "question", StudyLimits.MaxQuestionLength),
            Consent = StudioInput.Notes(draft.Consent) ?? throw new StudioValidationException("consent", "consent text is required"),
            Template = StudioInput.Template(draft.Template),
            JudgementsPerParticipant = draft.JudgementsPerParticipant is >= 1 and <= StudyLimits.MaxJudgements ? draft.JudgementsPerParticipant
                : throw new StudioValidationException("judgements", $"judgements per participant must be between 1 and {StudyLimits.MaxJudgements}, got {draft.JudgementsPerParticipant}"),
            RevealAfter = draft.RevealAfter,
            Seed = draft.Seed >= 0 ? draft.Seed : throw new StudioValidationException("seed", $"seed must be 0 or more, got {draft.Seed}"),
            Status = initial is StudyStatus.Draft or StudyStatus.Rendering ? initial
                : throw new ArgumentException($"a study starts as a draft or rendering, not {initial}", nameof(initial)),
            CreatedUtc = clock.GetUtcNow(),
        };
        if (draft.Arms.Count is < 2 or > StudyLimits.MaxArms)
            throw new StudioValidationException("arms", $"a study compares 2 to {StudyLimits.MaxArms} arms, got {draft.Arms.Count}");
        if (draft.Items.Count is < 1 or > StudyLimits.MaxItems)
            throw new StudioValidationException("items", $"a study has 1 to {StudyLimits.MaxItems} items, got {draft.Items.Count}");
        for (int i = 0; i < draft.Arms.Count; i++)
        {
            var a = draft.Arms[i];
            if (!StudyMethods.All.Contains(a.Method)) throw new StudioValidationException("method", $"arm {i + 1}: method '{a.Method}' is not one of {string.Join(", ", StudyMethods.All)}");
            if ((a.Method == "library_token") != (a.TokenId is not null))
                throw new StudioValidationException("token", $"arm {i + 1}: a library_token arm needs a saved token, and only it takes one");
            study.Arms.Add(new StudyArm { StudyId = study.Id, Index = i, Name = StudioInput.Name(a.Name, $"arm {i + 1} name"), Method = a.Method, TokenId = a.TokenId });
        }
        if (study.Arms.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != study.Arms.Count)
            throw new StudioValidationException("arms", "two arms have the same name");
        for (int i = 0; i < draft.Items.Count; i++)
        {
            var text = draft.Items[i]?.Trim() ?? "";
            if (text.Length is 0 or > StudioLimits.MaxSourceLength) throw new StudioValidationException("items", $"item {i + 1} is empty or too long");
            study.Items.Add(new StudyItem { StudyId = study.Id, Index = i, Distribution = text });
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Studies.Add(study);
        await db.SaveChangesAsync(ct);
        return study;
    }

    /// <summary>A study with its arms and items, for anyone with its id (participants see only what pages show them).</summary>
    /// <exception cref="StudioNotFoundException">No such study.</exception>
    public async Task<Study> GetAsync(string? id, CancellationToken ct = default)
    {
        if (!UnguessableId.IsWellFormed(id)) throw NotFound();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().Include(s => s.Arms.OrderBy(a => a.Index)).Include(s => s.Items.OrderBy(i => i.Index))
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        return study;
    }

    /// <summary>The study, when <paramref name="ownerKey"/> is its owner key (compared in constant time).</summary>
    /// <exception cref="StudioNotFoundException">No such study, or the key is wrong (the same answer, so keys can't be probed).</exception>
    public async Task<Study> GetOwnedAsync(string? id, string? ownerKey, CancellationToken ct = default)
    {
        var study = await GetAsync(id, ct);
        if (!IsOwner(study, ownerKey)) throw NotFound();
        return study;
    }

    /// <summary>The study, when <paramref name="ownerKey"/> is its owner key or <paramref name="actor"/> made it or is an administrator.</summary>
    /// <exception cref="StudioNotFoundException">No such study, or neither the key nor the actor may see it (the same answer).</exception>
    public async Task<Study> GetOwnedAsync(string? id, string? ownerKey, StudioActor? actor, CancellationToken ct = default)
    {
        var study = await GetAsync(id, ct);
        if (!IsOwner(study, ownerKey) && actor?.MayChange(study.Owner) != true) throw NotFound();
        return study;
    }

    /// <summary>The studies <paramref name="actor"/> made (every study for an administrator), newest first.</summary>
    public async Task<IReadOnlyList<Study>> ListOwnedAsync(StudioActor actor, int take = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Studies.AsNoTracking();
        if (!actor.IsAdmin) query = actor.Owner is { } owner ? query.Where(s => s.Owner == owner) : query.Where(s => false);
        return await query.OrderByDescending(s => s.CreatedUtc).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
    }

    /// <summary>Moves a study on: Draft → Rendering → Open ⇄ Closed.</summary>
    /// <exception cref="StudioValidationException">The move is not allowed from where the study is, or images are missing for Open.</exception>
    public async Task<Study> SetStatusAsync(string id, string ownerKey, StudyStatus status, CancellationToken ct = default)
    {
        var owned = await GetOwnedAsync(id, ownerKey, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await WriteTransaction.RunAsync(db, async () =>
        {
            var study = await db.Studies.SingleAsync(s => s.Id == owned.Id, ct);
            bool allowed = (study.Status, status) switch
            {
                (StudyStatus.Draft, StudyStatus.Rendering) => true,
                (StudyStatus.Rendering, StudyStatus.Open) => true,
                (StudyStatus.Open, StudyStatus.Closed) => true,
                (StudyStatus.Closed, StudyStatus.Open) => true,
                _ => false,
            };
            if (!allowed) throw new StudioValidationException("status", $"a study that is {Word(study.Status)} cannot become {Word(status)}");
            if (status == StudyStatus.Open)
            {
                int images = await db.StudyImages.CountAsync(i => i.StudyId == id, ct);
                int needed = owned.Arms.Count * owned.Items.Count;
                if (images < needed) throw new StudioValidationException("status", $"{needed - images} of {needed} images are not rendered yet");
            }
            study.Status = status;
            return await db.SaveChangesAsync(ct);
        }, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Stores (or replaces) the image of one arm on one item.</summary>
    /// <exception cref="StudioValidationException">Not a PNG, too large, or the arm or item is out of range.</exception>
    public async Task SaveImageAsync(string studyId, int arm, int item, byte[] png, CancellationToken ct = default)
    {
        var study = await GetAsync(studyId, ct);
        if (arm < 0 || arm >= study.Arms.Count || item < 0 || item >= study.Items.Count)
            throw new StudioValidationException("image", $"arm {arm} / item {item} is outside the study");
        var bytes = StudioInput.Png(png, "image", StudioLimits.MaxImageBytes)!;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Replace in one transaction: a crash between the delete and the insert must not lose the image.
        await WriteTransaction.RunAsync(db, async () =>
        {
            await db.StudyImages.Where(i => i.StudyId == studyId && i.ArmIndex == arm && i.ItemIndex == item).ExecuteDeleteAsync(ct);
            db.StudyImages.Add(new StudyImage { Id = UnguessableId.New(), StudyId = studyId, ArmIndex = arm, ItemIndex = item, Png = bytes });
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>The (arm, item) pairs that have no image yet, in order.</summary>
    public async Task<IReadOnlyList<(int Arm, int Item)>> MissingImagesAsync(string studyId, CancellationToken ct = default)
    {
        var study = await GetAsync(studyId, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var have = (await db.StudyImages.Where(i => i.StudyId == studyId).Select(i => new { i.ArmIndex, i.ItemIndex }).ToListAsync(ct))
            .Select(x => (x.ArmIndex, x.ItemIndex)).ToHashSet();
        return study.Arms.SelectMany(a => study.Items.Select(i => (a.Index, i.Index))).Where(p => !have.Contains(p)).ToList();
    }

    /// <summary>Studies that are rendering, oldest first (the renderer resumes them after a restart).</summary>
    public async Task<IReadOnlyList<string>> RenderingAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Studies.Where(s => s.Status == StudyStatus.Rendering).OrderBy(s => s.CreatedUtc).Select(s => s.Id).ToListAsync(ct);
    }

    /// <summary>An image's PNG by its random id, or null.</summary>
    public async Task<byte[]?> ImageAsync(string? imageId, CancellationToken ct = default)
    {
        if (!UnguessableId.IsWellFormed(imageId)) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StudyImages.Where(i => i.Id == imageId).Select(i => i.Png).SingleOrDefaultAsync(ct);
    }

    /// <summary>True when <paramref name="ownerKey"/> is the study's owner key.</summary>
    public static bool IsOwner(Study study, string? ownerKey) =>
        ownerKey is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(study.OwnerKey), Encoding.ASCII.GetBytes(ownerKey));

    static string Word(StudyStatus s) => s.ToString().ToLowerInvariant();

    static StudioNotFoundException NotFound() => new("study not found");
}
