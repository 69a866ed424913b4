namespace DisTok.Web.Library;

/// <summary>Registers the library's services.</summary>
public static class LibraryRegistration
{
    /// <summary>Adds <see cref="TokenKeeper"/>, the labeler's <see cref="Reading.LabelerReading"/> and <see cref="Reading.RemixReader"/> as singletons.</summary>
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TokenKeeper>();
        builder.Services.AddSingleton<Reading.LabelerReading>();
        builder.Services.AddSingleton<Reading.RemixReader>();
        return builder;
    }
}
