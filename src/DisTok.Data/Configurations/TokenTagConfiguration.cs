using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="TokenTag"/> to <c>TokenTags</c>: one row per (token, tag), indexed by tag for filtering.</summary>
public sealed class TokenTagConfiguration : IEntityTypeConfiguration<TokenTag>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<TokenTag> b)
    {
        b.ToTable("TokenTags");
        b.HasKey(t => new { t.TokenId, t.Tag });
        b.Property(t => t.Tag).IsRequired().HasMaxLength(StudioLimits.MaxTagLength);
        b.HasIndex(t => t.Tag);
    }
}
