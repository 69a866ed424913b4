using DisTok.Data;

namespace DisTok.Web;

/// <summary>Registers the studio's options and its SQLite data layer.</summary>
public static class StudioRegistration
{
    /// <summary>Binds <see cref="StudioOptions"/> (refused at start with the first setting out of range) and adds the data layer on the configured SQLite file.</summary>
    public static WebApplicationBuilder AddStudio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.Section);
        var options = builder.Configuration.GetSection(StudioOptions.Section).Get<StudioOptions>() ?? new StudioOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        builder.Services.AddStudioData(options.ConnectionString());
        return builder;
    }
}
