namespace DisTok.Web.Library;

/// <summary>Registers the library's services.</summary>
public static class LibraryRegistration
{
    /// <summary>Adds <see cref="TokenKeeper"/> as a singleton.</summary>
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TokenKeeper>();
        return builder;
    }
}
