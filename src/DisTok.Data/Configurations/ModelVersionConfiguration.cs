using DisTok.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="ModelVersion"/>, <see cref="ModelPromotion"/> and <see cref="TrainingRun"/>.</summary>
public sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>, IEntityTypeConfiguration<ModelPromotion>,
    IEntityTypeConfiguration<TrainingRun>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ModelVersion> b)
    {
        b.ToTable("ModelVersions");
        b.HasKey(v => v.Number);
        b.Property(v => v.Number).ValueGeneratedNever();
        b.Ignore(v => v.Label);
        b.Property(v => v.Folder).HasMaxLength(64);
        b.Property(v => v.Sha256).HasMaxLength(64);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ModelPromotion> b)
    {
        b.ToTable("ModelPromotions");
        b.HasKey(p => p.Id);
        b.Property(p => p.PromotedBy).HasMaxLength(256);
        b.HasOne<ModelVersion>().WithMany().HasForeignKey(p => p.VersionNumber).OnDelete(DeleteBehavior.Restrict);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<TrainingRun> b)
    {
        b.ToTable("TrainingRuns");
        b.HasKey(r => r.Number);
        b.Property(r => r.Number).ValueGeneratedNever();
        b.Ignore(r => r.IsActive);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.StartedBy).HasMaxLength(256);
        b.Property(r => r.Message).HasMaxLength(2000);
        b.HasIndex(r => r.Status);
    }
}
