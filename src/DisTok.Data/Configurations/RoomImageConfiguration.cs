using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="RoomImage"/> to <c>RoomImages</c>: ids only grow (AUTOINCREMENT), deleted with their room.</summary>
public sealed class RoomImageConfiguration : IEntityTypeConfiguration<RoomImage>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<RoomImage> b)
    {
        b.ToTable("RoomImages");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedOnAdd();
        b.Property(i => i.RoomId).HasMaxLength(UnguessableId.Length);
        b.Property(i => i.Template).IsRequired().HasMaxLength(StudioLimits.MaxTemplateLength);
        b.Property(i => i.DistributionText).IsRequired().HasMaxLength(StudioLimits.MaxSourceLength);
        b.Property(i => i.ModelVersion).IsRequired().HasMaxLength(StudioLimits.MaxModelLabelLength);
        b.Property(i => i.Png).IsRequired();
        b.Property(i => i.CreatedBy).IsRequired().HasMaxLength(StudioLimits.MaxDisplayNameLength);
        b.HasOne<Room>().WithMany().HasForeignKey(i => i.RoomId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.RoomId, i.Id });
        b.HasIndex(i => i.JobId).IsUnique();
    }
}
