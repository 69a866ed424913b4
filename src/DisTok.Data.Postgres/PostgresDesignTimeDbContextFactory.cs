using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DisTok.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> (run in this folder) build the context for PostgreSQL without the web app.
/// No server is contacted to add a migration; commands that touch a database use the one named here.</summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<StudioDbContext>
{
    /// <inheritdoc />
    public StudioDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<StudioDbContext>();
        StudioDbOptions.Configure(options, StudioDatabaseProvider.Postgres, "Host=127.0.0.1;Database=distok_design");
        return new StudioDbContext(options.Options);
    }
}
