using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="Room"/> to <c>Rooms</c>; its weights are deleted with it.</summary>
public sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.ToTable("Rooms");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(UnguessableId.Length);
        b.Property(r => r.Name).IsRequired().HasMaxLength(StudioLimits.MaxNameLength);
        b.Property(r => r.Template).IsRequired().HasMaxLength(StudioLimits.MaxTemplateLength);
        b.Property(r => r.UpdatedBy).IsRequired().HasMaxLength(StudioLimits.MaxDisplayNameLength);
        b.HasMany(r => r.Weights).WithOne().HasForeignKey(w => w.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
