using DisTok.Data.Entities;
using DisTok.Data.Storage;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DisTok.Data;

/// <summary>The studio's SQLite database: the token library, share links, rooms with their weights and image history, user studies, model versions and training runs, and accounts with their roles (ASP.NET Core Identity).</summary>
/// <param name="options">Built by <see cref="StudioDataRegistration.AddStudioData"/> or the design-time factory.</param>
public sealed class StudioDbContext(DbContextOptions<StudioDbContext> options) : IdentityDbContext<StudioAccount>(options)
{
    /// <summary>Saved creative tokens.</summary>
    public DbSet<SavedToken> Tokens => Set<SavedToken>();

    /// <summary>Personal API tokens of accounts (their secrets' hashes).</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The saved tokens' tags.</summary>
    public DbSet<TokenTag> TokenTags => Set<TokenTag>();

    /// <summary>Share links.</summary>
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    /// <summary>Rooms.</summary>
    public DbSet<Room> Rooms => Set<Room>();

    /// <summary>The rooms' concept weights.</summary>
    public DbSet<RoomWeight> RoomWeights => Set<RoomWeight>();

    /// <summary>The rooms' image history.</summary>
    public DbSet<RoomImage> RoomImages => Set<RoomImage>();

    /// <summary>User studies.</summary>
    public DbSet<Study> Studies => Set<Study>();

    /// <summary>The studies' arms.</summary>
    public DbSet<StudyArm> StudyArms => Set<StudyArm>();

    /// <summary>The studies' items.</summary>
    public DbSet<StudyItem> StudyItems => Set<StudyItem>();

    /// <summary>The studies' rendered images.</summary>
    public DbSet<StudyImage> StudyImages => Set<StudyImage>();

    /// <summary>The studies' participants.</summary>
    public DbSet<StudyParticipant> StudyParticipants => Set<StudyParticipant>();

    /// <summary>The participants' battles and votes.</summary>
    public DbSet<StudyBattle> StudyBattles => Set<StudyBattle>();

    /// <summary>DisTok model versions (0 = the embedded model).</summary>
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    /// <summary>Promotions of model versions; the newest is served.</summary>
    public DbSet<ModelPromotion> ModelPromotions => Set<ModelPromotion>();

    /// <summary>Training runs started from the admin page.</summary>
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);   // the accounts' tables (ASP.NET Core Identity)
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly);
    }

    /// <summary>Every time is stored as UTC ticks so SQLite orders and compares them as numbers.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
