namespace DisTok.Web.Generation;

public static class GenerationRegistration
{
    /// <summary>The generation queue and the background worker that drains it.</summary>
    public static WebApplicationBuilder AddGeneration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GenerationQueue>();
        builder.Services.AddHostedService<GenerationWorker>();
        return builder;
    }
}
