using DisTok.Data.Entities;
using DisTok.Data.Stores;

namespace DisTok.Web.Training;

/// <summary>
/// Promotes a version (a rollback is a promotion of an older one): loads it, records the promotion, then swaps the served
/// model. A version that does not load is refused before anything is recorded, so the served model never breaks. In a
/// cluster the other nodes are told and follow (<see cref="Cluster.VersionWatcher"/>).
/// </summary>
public sealed class VersionPromotion(ModelVersions versions, Models.ServedDisTok served, ILogger<VersionPromotion> logger,
    StackExchange.Redis.IConnectionMultiplexer? cluster = null)
{
    /// <summary>Serves version <paramref name="number"/> from the next request on.</summary>
    /// <exception cref="Data.Validation.StudioNotFoundException">No such version.</exception>
    /// <exception cref="InvalidDataException">Its files are missing or corrupt; nothing changed.</exception>
    public async Task<ModelVersion> PromoteAsync(int number, string by, CancellationToken ct = default)
    {
        var version = await versions.GetAsync(number, ct);
        served.Load(version);                      // refuses a broken version before anything is recorded
        await versions.PromoteAsync(number, by, ct);
        served.Serve(version);                     // already loaded: one reference swap
        logger.LogInformation("DisTok version {Version} promoted by {By}", version.Label, by);
        if (cluster is not null) Cluster.VersionWatcher.Announce(cluster, number, logger);   // the other nodes follow
        return version;
    }
}
