using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="SavedToken"/> to the <c>SavedTokens</c> table; its tags live in <c>TokenTags</c>.</summary>
public sealed class SavedTokenConfiguration : IEntityTypeConfiguration<SavedToken>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SavedToken> b)
    {
        b.ToTable("SavedTokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).IsRequired().HasMaxLength(StudioLimits.MaxNameLength);
        b.Property(t => t.Notes).HasMaxLength(StudioLimits.MaxNotesLength);
        b.Property(t => t.SourceKind).IsRequired().HasMaxLength(32);
        b.Property(t => t.SourceJson).IsRequired().HasMaxLength(StudioLimits.MaxSourceLength);
        b.Property(t => t.SourceText).IsRequired();
        b.Property(t => t.SearchText).IsRequired();
        b.Property(t => t.Vector).IsRequired();
        b.Property(t => t.ModelVersion).IsRequired().HasMaxLength(StudioLimits.MaxModelLabelLength);
        b.Property(t => t.ModelSha256).IsRequired().HasMaxLength(StudioLimits.MaxModelLabelLength);
        b.Property(t => t.TextEncoder).IsRequired().HasMaxLength(StudioLimits.MaxModelLabelLength);
        b.Property(t => t.Author).IsRequired().HasMaxLength(StudioLimits.MaxDisplayNameLength).HasDefaultValue(StudioLimits.AnonymousName);
        b.Ignore(t => t.TagNames);
        b.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TokenId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.SavedUtc);
    }
}
