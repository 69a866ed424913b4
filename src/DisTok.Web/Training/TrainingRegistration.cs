using DisTok.Data.Stores;
using DisTok.ML.DisTok;
using DisTok.Web.Models;

namespace DisTok.Web.Training;

/// <summary>Registers training from the admin page and restores the served version at start.</summary>
public static class TrainingRegistration
{
    /// <summary>Adds <see cref="TrainingService"/> (a singleton and hosted service) and binds <see cref="TrainingOptions"/>.</summary>
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section);
        builder.Services.AddSingleton<GenerationGate>();
        builder.Services.AddSingleton<TrainingService>();
        builder.Services.AddSingleton<VersionPromotion>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrainingService>());
        return builder;
    }

    /// <summary>
    /// At start, after migrations: runs still marked active were cut off by a stop, so they become interrupted and their
    /// folders go (in a cluster only runs whose lease ran out); the embedded model is recorded as version 0; the last promoted version is served. A promoted version
    /// that does not load leaves the embedded model served, with the reason on the status page.
    /// </summary>
    public static async Task RestoreServedVersionAsync(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("DisTok.Web.Training");
        // In a cluster another node may be training right now (its run folder in the shared versions folder): only runs
        // whose lease ran out are cut off, and only their folders go.
        bool cluster = services.GetService<StackExchange.Redis.IConnectionMultiplexer>() is not null;
        var interrupted = await services.GetRequiredService<TrainingRuns>().MarkInterruptedAsync(onlyExpired: cluster);
        if (interrupted.Count > 0) logger.LogWarning("{Count} training run(s) were cut off by a stop and are marked interrupted", interrupted.Count);
        var folders = services.GetRequiredService<VersionFolders>();
        if (cluster) foreach (var run in interrupted) folders.Discard(run);
        else folders.DiscardAllRuns();
        var versions = services.GetRequiredService<ModelVersions>();
        var embedded = services.GetRequiredService<OptionalModel<DisTokModel>>();
        if (embedded.Model is { } model)
            await versions.EnsureEmbeddedAsync(model.Stamp.Sha256, model.Manifest.Config["training"]?.ToJsonString() ?? "{}", model.Manifest.Metrics.ToJsonString());
        if (await versions.PromotedAsync() is not { Number: > 0 } promoted) return;
        var served = services.GetRequiredService<ServedDisTok>();
        try
        {
            served.Serve(promoted);
            logger.LogInformation("Serving DisTok version {Version}", promoted.Label);
        }
        catch (InvalidDataException e)
        {
            logger.LogError(e, "The promoted DisTok version {Version} could not be loaded; serving the embedded model", promoted.Label);
            served.FallBack($"the promoted version {promoted.Label} could not be loaded ({e.Message}); the embedded model is served instead");
        }
    }
}
