using DisTok.Data.Entities;
using DisTok.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisTok.Data.Configurations;

/// <summary>Maps <see cref="Study"/> with its arms and items (deleted with it); status stored by name.</summary>
public sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Study> b)
    {
        b.ToTable("Studies");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(UnguessableId.Length);
        b.Property(s => s.OwnerKey).IsRequired().HasMaxLength(UnguessableId.Length);
        b.Property(s => s.Title).IsRequired().HasMaxLength(StudioLimits.MaxNameLength);
        b.Property(s => s.Question).IsRequired().HasMaxLength(StudyLimits.MaxQuestionLength);
        b.Property(s => s.Consent).IsRequired().HasMaxLength(StudioLimits.MaxNotesLength);
        b.Property(s => s.Template).IsRequired().HasMaxLength(StudioLimits.MaxTemplateLength);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.HasMany(s => s.Arms).WithOne().HasForeignKey(a => a.StudyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Maps <see cref="StudyArm"/>: one row per (study, index).</summary>
public sealed class StudyArmConfiguration : IEntityTypeConfiguration<StudyArm>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StudyArm> b)
    {
        b.ToTable("StudyArms");
        b.HasKey(a => a.Id);
        b.Property(a => a.StudyId).HasMaxLength(UnguessableId.Length);
        b.Property(a => a.Name).IsRequired().HasMaxLength(StudioLimits.MaxNameLength);
        b.Property(a => a.Method).IsRequired().HasMaxLength(32);
        b.HasIndex(a => new { a.StudyId, a.Index }).IsUnique();
    }
}

/// <summary>Maps <see cref="StudyItem"/>: one row per (study, index).</summary>
public sealed class StudyItemConfiguration : IEntityTypeConfiguration<StudyItem>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StudyItem> b)
    {
        b.ToTable("StudyItems");
        b.HasKey(i => i.Id);
        b.Property(i => i.StudyId).HasMaxLength(UnguessableId.Length);
        b.Property(i => i.Distribution).IsRequired().HasMaxLength(StudioLimits.MaxSourceLength);
        b.HasIndex(i => new { i.StudyId, i.Index }).IsUnique();
    }
}

/// <summary>Maps <see cref="StudyImage"/>: one image per (study, arm, item), deleted with the study.</summary>
public sealed class StudyImageConfiguration : IEntityTypeConfiguration<StudyImage>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StudyImage> b)
    {
        b.ToTable("StudyImages");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(UnguessableId.Length);
        b.Property(i => i.StudyId).HasMaxLength(UnguessableId.Length);
        b.Property(i => i.Png).IsRequired();
        b.HasOne<Study>().WithMany().HasForeignKey(i => i.StudyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.StudyId, i.ArmIndex, i.ItemIndex }).IsUnique();
    }
}

/// <summary>Maps <see cref="StudyParticipant"/>, deleted with the study.</summary>
public sealed class StudyParticipantConfiguration : IEntityTypeConfiguration<StudyParticipant>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StudyParticipant> b)
    {
        b.ToTable("StudyParticipants");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(UnguessableId.Length);
        b.Property(p => p.StudyId).HasMaxLength(UnguessableId.Length);
        b.Property(p => p.AddressHash).IsRequired().HasMaxLength(64);
        b.Property(p => p.ClientHash).IsRequired().HasMaxLength(64);
        b.HasIndex(p => new { p.StudyId, p.ClientHash }).IsUnique();
        b.HasOne<Study>().WithMany().HasForeignKey(p => p.StudyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.StudyId, p.AddressHash });
    }
}

/// <summary>Maps <see cref="StudyBattle"/>: the vote lives on the battle row, so there is at most one per battle.</summary>
public sealed class StudyBattleConfiguration : IEntityTypeConfiguration<StudyBattle>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StudyBattle> b)
    {
        b.ToTable("StudyBattles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(UnguessableId.Length);
        b.Property(x => x.StudyId).HasMaxLength(UnguessableId.Length);
        b.Property(x => x.ParticipantId).HasMaxLength(UnguessableId.Length);
        b.Property(x => x.Choice).HasConversion<string>().HasMaxLength(16);
        b.HasOne<StudyParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ParticipantId, x.Ordinal }).IsUnique();
        b.HasIndex(x => new { x.StudyId, x.ItemIndex, x.LeftArm, x.RightArm });
    }
}
