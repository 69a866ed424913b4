using DisTok.Data;
using Npgsql;

namespace DisTok.Web;

/// <summary>Registers the studio's options and its data layer (SQLite by default, PostgreSQL by configuration).</summary>
public static class StudioRegistration
{
    /// <summary>Binds <see cref="StudioOptions"/> (refused at start with the first setting out of range) and adds the data
    /// layer on the configured SQLite file or PostgreSQL server.</summary>
    public static WebApplicationBuilder AddStudio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.Section);
        var options = builder.Configuration.GetSection(StudioOptions.Section).Get<StudioOptions>() ?? new StudioOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        builder.Services.AddStudioData(DatabaseConnection(builder.Configuration, options), options.Database);
        return builder;
    }

    /// <summary>The connection string of the configured database; a PostgreSQL one must be given.</summary>
    public static string DatabaseConnection(IConfiguration configuration, StudioOptions options)
    {
        if (options.Database != StudioDatabaseProvider.Postgres) return options.ConnectionString();
        var connection = configuration.GetConnectionString(StudioOptions.PostgresConnectionName);
        if (string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException(
                $"Studio:Database is Postgres but ConnectionStrings:{StudioOptions.PostgresConnectionName} is empty: give the PostgreSQL connection string (Host=...;Database=...;Username=...)");
        try { return new NpgsqlConnectionStringBuilder(connection).ConnectionString; }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new InvalidOperationException($"ConnectionStrings:{StudioOptions.PostgresConnectionName} is not a PostgreSQL connection string: {e.Message}", e);
        }
    }

    /// <summary>Brings the database schema up to date before the app serves anything; an unreachable server stops the
    /// start with one message that names it, instead of failing at the first request.</summary>
    public static async Task PrepareStudioDatabaseAsync(this WebApplication app)
    {
        try { await app.Services.MigrateStudioDatabaseAsync(); }
        catch (Exception e) when (e is NpgsqlException || e.InnerException is NpgsqlException)   // EF may wrap it as "transient"
        {
            var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StudioOptions>>().Value;
            var server = new NpgsqlConnectionStringBuilder(DatabaseConnection(app.Configuration, options));
            throw new InvalidOperationException($"the studio database (PostgreSQL at {server.Host}:{server.Port}, database {server.Database}) cannot be used: {(e.InnerException as NpgsqlException ?? e).Message}", e);
        }
    }
}
