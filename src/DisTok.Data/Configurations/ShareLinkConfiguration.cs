using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="ShareLink"/> to <c>ShareLinks</c>; the token ids are a JSON array column, the kind is stored by name.</summary>
public sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ShareLink> b)
    {
        b.ToTable("ShareLinks");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).HasMaxLength(UnguessableId.Length);
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Title).IsRequired().HasMaxLength(StudioLimits.MaxNameLength);
        b.PrimitiveCollection(l => l.TokenIds).IsRequired();
    }
}
