using System.CommandLine;
using DisTok.Data;
using DisTok.Data.Stores;
using DisTok.ML.Backbone;
using DisTok.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DisTok.Cli.Commands;

/// <summary>
/// `distok worker`: a generation worker of a studio cluster (<c>Studio:Generation = Workers</c>). It loads the backbone,
/// connects to the cluster's Redis and PostgreSQL, and renders jobs from the queue until stopped (Ctrl+C or SIGTERM; a job
/// in flight is then left for another worker). It refuses to start, with one message, when Redis or PostgreSQL cannot be
/// reached or when the studio serves another backbone than the one in --models.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var redis = new Option<string>("--redis") { Description = "Redis of the cluster (host:port), as the nodes' ConnectionStrings:Redis.", Required = true };
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL of the cluster, as the nodes' ConnectionStrings:Studio (room images are kept there).", Required = true };
        var models = new Option<string>("--models") { Description = "Models folder (its diffusion/ renders; must be the studio's).", DefaultValueFactory = _ => "models" };
        var name = new Option<string>("--name") { Description = "The worker's name in logs and liveness.", DefaultValueFactory = _ => $"{Environment.MachineName}-{Environment.ProcessId}" };
        var threads = new Option<int>("--threads") { Description = "Torch threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var prefix = new Option<string>("--queue-prefix") { Description = "The queue's key prefix (the nodes' Studio:QueuePrefix).", DefaultValueFactory = _ => RedisJobQueue.DefaultPrefix };
        var claimAfter = new Option<int>("--claim-after") { Description = "Seconds after which a job whose worker went silent is taken over.", DefaultValueFactory = _ => 15 };
        var command = new Command("worker", "Render jobs from a studio cluster's queue (docs/cluster.md).") { redis, postgres, models, name, threads, prefix, claimAfter };
        command.SetAction(async (parse, ct) =>
        {
            int seconds = parse.GetValue(claimAfter);
            if (seconds is < 2 or > 3600) throw new ArgumentException($"--claim-after must be between 2 and 3600 seconds, got {seconds}");
            var connection = await ConnectAsync(parse.GetValue(redis)!);
            var services = new ServiceCollection().AddLogging(l => l
                .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
                .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
            services.AddStudioData(parse.GetValue(postgres)!, StudioDatabaseProvider.Postgres);
            await using var provider = services.BuildServiceProvider();
            await CheckDatabaseAsync(provider, ct);
            var backboneOptions = new BackboneOptions { ModelsPath = parse.GetValue(models)!, Threads = parse.GetValue(threads) };
            using var encoder = EmbeddedBackbone.LoadTextEncoder(backboneOptions);
            using var generator = EmbeddedBackbone.LoadGenerator(backboneOptions, encoder, out var manifest);
            var queue = new RedisJobQueue(connection, parse.GetValue(prefix)!) { ClaimAfter = TimeSpan.FromSeconds(seconds) };
            var worker = new QueueWorker(queue, generator, provider.GetRequiredService<RoomStore>(), parse.GetValue(name)!, manifest.Sha256,
                provider.GetRequiredService<ILogger<QueueWorker>>());
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
                context => { context.Cancel = true; stop.Cancel(); });
            Console.WriteLine($"worker {parse.GetValue(name)}: backbone {manifest.Sha256[..12]}…, taking jobs");
            await worker.RunAsync(stop.Token);
            Console.WriteLine($"worker {parse.GetValue(name)}: stopped after {worker.Finished} jobs");
            await connection.CloseAsync();
            return 0;
        });
        return command;
    }

    static async Task<ConnectionMultiplexer> ConnectAsync(string text)
    {
        ConfigurationOptions options;
        try { options = ConfigurationOptions.Parse(text); }
        catch (ArgumentException e) { throw new ArgumentException($"--redis is not a Redis configuration: {e.Message}"); }
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        try { return await ConnectionMultiplexer.ConnectAsync(options); }
        catch (RedisConnectionException e) { throw new ArgumentException($"Redis at {string.Join(", ", options.EndPoints)} cannot be reached: {e.Message}"); }
    }

    static async Task CheckDatabaseAsync(IServiceProvider provider, CancellationToken ct)
    {
        var factory = provider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<StudioDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        bool reached;
        try { reached = await db.Database.CanConnectAsync(ct); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { throw new ArgumentException($"--postgres is not a usable connection string: {e.Message}"); }
        if (!reached) throw new ArgumentException("PostgreSQL named by --postgres cannot be reached (or its database does not exist yet: start a studio node first, it creates it)");
    }
}
