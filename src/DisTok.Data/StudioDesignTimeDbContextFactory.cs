using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DisTok.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context from this project alone, without the web app.
/// The file it names is only opened by commands that touch a database (e.g. <c>dotnet ef database update</c>).</summary>
public sealed class StudioDesignTimeDbContextFactory : IDesignTimeDbContextFactory<StudioDbContext>
{
    /// <inheritdoc />
    public StudioDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<StudioDbContext>();
        StudioDbOptions.Configure(options, "Data Source=studio-design.db");
        return new StudioDbContext(options.Options);
    }
}
