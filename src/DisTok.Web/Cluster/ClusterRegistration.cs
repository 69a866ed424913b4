using DisTok.ML.Backbone;
using DisTok.ML.ModelFiles;
using DisTok.Queue;
using DisTok.Web.Rooms;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace DisTok.Web.Cluster;

/// <summary>Cluster mode (<c>Studio:Mode = Cluster</c>): the nodes share PostgreSQL (the data), and Redis for SignalR's
/// backplane, the Data Protection keys and the room relay. Nothing of this is registered in single mode.</summary>
public static class ClusterRegistration
{
    /// <summary>The connection string name Redis is read from (<c>ConnectionStrings:Redis</c>).</summary>
    public const string RedisConnectionName = "Redis";

    /// <summary>Where the Data Protection keys live in Redis.</summary>
    public static readonly RedisKey KeysKey = "distok:dataprotection-keys";

    /// <summary>True when the configuration asks for cluster mode.</summary>
    public static bool IsCluster(IConfiguration configuration) =>
        configuration.GetSection(StudioOptions.Section).Get<StudioOptions>()?.Mode == StudioMode.Cluster;

    /// <summary>Connects to Redis (refusing to start with one message when it cannot) and registers the cluster's parts.</summary>
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder, ISignalRServerBuilder signalR)
    {
        builder.Services.AddSingleton<ClusterNode>();
        if (!IsCluster(builder.Configuration)) return builder;
        var redis = Connect(builder.Configuration);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal("distok-signalr");
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(redis);
        });
        builder.Services.AddDataProtection().PersistKeysToStackExchangeRedis(redis, KeysKey);
        builder.Services.AddSingleton<RedisRoomRelay>();
        builder.Services.AddSingleton<IRoomRelay>(s => s.GetRequiredService<RedisRoomRelay>());
        builder.Services.AddHostedService(s => s.GetRequiredService<RedisRoomRelay>());
        builder.Services.AddSingleton<TrainingCancels>();
        builder.Services.AddSingleton<VersionWatcher>();
        builder.Services.AddHostedService(s => s.GetRequiredService<VersionWatcher>());
        if (UsesWorkers(builder.Configuration)) AddRemoteGeneration(builder);
        return builder;
    }

    /// <summary>True when jobs go to `distok worker` processes (<c>Studio:Generation = Workers</c>).</summary>
    public static bool UsesWorkers(IConfiguration configuration) =>
        configuration.GetSection(StudioOptions.Section).Get<StudioOptions>()?.Generation == GenerationMode.Workers;

    static void AddRemoteGeneration(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(s => new RedisJobQueue(s.GetRequiredService<IConnectionMultiplexer>(),
            s.GetRequiredService<IOptions<StudioOptions>>().Value.QueuePrefix));
        builder.Services.AddSingleton(s => new BackboneIdentity(ModelManifest.LoadVerified(
            Path.Combine(EmbeddedBackbone.ResolveModels(s.GetRequiredService<IOptions<BackboneOptions>>().Value.ModelsPath), "diffusion"), "diffusion").Sha256));
        builder.Services.AddSingleton<RemoteGeneration>();
        builder.Services.AddHostedService(s => s.GetRequiredService<RemoteGeneration>());
    }

    static ConnectionMultiplexer Connect(IConfiguration configuration)
    {
        var text = configuration.GetConnectionString(RedisConnectionName);
        if (string.IsNullOrWhiteSpace(text))
            throw new InvalidOperationException($"Studio:Mode is Cluster but ConnectionStrings:{RedisConnectionName} is empty: give the Redis address (host:port)");
        ConfigurationOptions options;
        try { options = ConfigurationOptions.Parse(text); }
        catch (ArgumentException e) { throw new InvalidOperationException($"ConnectionStrings:{RedisConnectionName} is not a Redis configuration: {e.Message}", e); }
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        try { return ConnectionMultiplexer.Connect(options); }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException($"Redis at {string.Join(", ", options.EndPoints)} cannot be reached: {e.Message}", e);
        }
    }
}
