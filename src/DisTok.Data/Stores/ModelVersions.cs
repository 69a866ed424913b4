using DisTok.Data.Entities;
using DisTok.Data.Storage;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data.Stores;

/// <summary>
/// The DisTok model versions and which one is served: the newest <see cref="ModelPromotion"/> names it, none means the
/// embedded model (version 0). Promoting writes one row in one transaction, so a restart serves the last promotion.
/// </summary>
/// <param name="contexts">Makes a short-lived context per call.</param>
/// <param name="clock">The time source.</param>
public sealed class ModelVersions(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    /// <summary>Records the embedded model as version 0; when its weights changed since, refreshes the row and drops its old evaluation.</summary>
    public async Task EnsureEmbeddedAsync(string sha256, string settingsJson, string metricsJson, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await WriteTransaction.RunAsync(db, async () =>
        {
            var row = await db.ModelVersions.SingleOrDefaultAsync(v => v.Number == 0, ct);
            if (row is null) db.ModelVersions.Add(row = new ModelVersion { Number = 0, CreatedUtc = clock.GetUtcNow(), CreatedBy = "repository" });
            if (row.Sha256 != sha256) row.EvalJson = null;
            (row.Sha256, row.SettingsJson, row.MetricsJson) = (sha256, settingsJson, metricsJson);
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>Stores a version's dev-set evaluation (replacing an earlier one).</summary>
    /// <exception cref="StudioNotFoundException">No such version.</exception>
    public async Task SetEvalAsync(int number, string evalJson, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.ModelVersions.Where(v => v.Number == number).ExecuteUpdateAsync(u => u.SetProperty(v => v.EvalJson, evalJson), ct) == 0)
            throw new StudioNotFoundException($"model version {ModelVersion.LabelOf(number)} not found");
    }

    /// <summary>Adds a trained version (its number is its run's).</summary>
    /// <exception cref="StudioConflictException">The number is taken.</exception>
    public async Task<ModelVersion> AddAsync(ModelVersion version, CancellationToken ct = default)
    {
        if (version.Number < 1) throw new StudioValidationException("number", $"a trained version's number is 1 or more, got {version.Number}");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WriteTransaction.RunAsync(db, async () =>
        {
            if (await db.ModelVersions.AnyAsync(v => v.Number == version.Number, ct))
                throw new StudioConflictException($"version {version.Label} exists already");
            version.CreatedUtc = clock.GetUtcNow();
            db.ModelVersions.Add(version);
            await db.SaveChangesAsync(ct);
            return version;
        }, ct);
    }

    /// <summary>Every version, newest first.</summary>
    public async Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModelVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
    }

    /// <summary>One version.</summary>
    /// <exception cref="StudioNotFoundException">No such version.</exception>
    public async Task<ModelVersion> GetAsync(int number, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, ct)
            ?? throw new StudioNotFoundException($"model version {ModelVersion.LabelOf(number)} not found");
    }

    /// <summary>Records that <paramref name="number"/> is served from now on.</summary>
    /// <exception cref="StudioNotFoundException">No such version.</exception>
    public async Task<ModelPromotion> PromoteAsync(int number, string by, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WriteTransaction.RunAsync(db, async () =>
        {
            if (!await db.ModelVersions.AnyAsync(v => v.Number == number, ct))
                throw new StudioNotFoundException($"model version {ModelVersion.LabelOf(number)} not found");
            var promotion = new ModelPromotion { VersionNumber = number, PromotedUtc = clock.GetUtcNow(), PromotedBy = StudioInput.Label(by, "promoted by") };
            db.ModelPromotions.Add(promotion);
            await db.SaveChangesAsync(ct);
            return promotion;
        }, ct);
    }

    /// <summary>The version the newest promotion names, or null when nothing was promoted (serve the embedded model).</summary>
    public async Task<ModelVersion?> PromotedAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var number = await db.ModelPromotions.OrderByDescending(p => p.Id).Select(p => (int?)p.VersionNumber).FirstOrDefaultAsync(ct);
        return number is { } n ? await db.ModelVersions.AsNoTracking().SingleAsync(v => v.Number == n, ct) : null;
    }

    /// <summary>The newest promotions first (at most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<ModelPromotion>> PromotionsAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModelPromotions.AsNoTracking().OrderByDescending(p => p.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
    }
}
