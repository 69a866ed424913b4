namespace DisTok.Web.Library;

/// <summary>Registers the library's services.</summary>
public static class LibraryRegistration
{
    /// <summary>Adds <see cref="TokenKeeper"/> and the labeler's <see cref="Explore.LabelerReading"/> as singletons.</summary>
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TokenKeeper>();
        builder.Services.AddSingleton<Explore.LabelerReading>();
        return builder;
    }
}
