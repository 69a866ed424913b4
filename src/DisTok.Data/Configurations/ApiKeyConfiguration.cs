using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="ApiKey"/> to <c>ApiKeys</c>, indexed by account.</summary>
public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).HasMaxLength(UnguessableId.Length);
        b.Property(k => k.AccountId).IsRequired().HasMaxLength(64);
        b.Property(k => k.Name).IsRequired().HasMaxLength(StudioLimits.MaxNameLength);
        b.Property(k => k.SecretHash).IsRequired();
        b.HasIndex(k => k.AccountId);
    }
}
