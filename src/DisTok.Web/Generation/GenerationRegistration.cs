namespace DisTok.Web.Generation;

public static class GenerationRegistration
{
    /// <summary>The generation queue and the background worker that drains it (not when `distok worker` processes render).</summary>
    public static WebApplicationBuilder AddGeneration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GenerationQueue>();
        if (!Cluster.ClusterRegistration.UsesWorkers(builder.Configuration)) builder.Services.AddHostedService<GenerationWorker>();
        return builder;
    }
}
