using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="RoomWeight"/> to <c>RoomWeights</c>, keyed by (room, concept key).</summary>
public sealed class RoomWeightConfiguration : IEntityTypeConfiguration<RoomWeight>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<RoomWeight> b)
    {
        b.ToTable("RoomWeights");
        b.HasKey(w => new { w.RoomId, w.Key });
        b.Property(w => w.RoomId).HasMaxLength(UnguessableId.Length);
        b.Property(w => w.Key).HasMaxLength(64);
        b.Property(w => w.UpdatedBy).IsRequired().HasMaxLength(StudioLimits.MaxDisplayNameLength);
        b.Ignore(w => w.TokenId);
    }
}
