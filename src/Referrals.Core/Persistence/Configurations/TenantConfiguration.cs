using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Persistence.Conversions;
using Referrals.Core.Tenants;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Key).HasMaxLength(Lengths.Key).IsRequired();
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.DisplayName).HasMaxLength(Lengths.Name).IsRequired();
        // Settings are read and written whole, so one JSON column keeps the schema stable as the program grows.
        builder.Property(t => t.Settings)
            .HasConversion(
                s => ProgramSettingsJson.Write(s),
                s => ProgramSettingsJson.Read(s),
                new ValueComparer<ProgramSettings>(
                    (a, b) => ProgramSettingsJson.Write(a!) == ProgramSettingsJson.Write(b!),
                    s => ProgramSettingsJson.Write(s).GetHashCode(StringComparison.Ordinal),
                    s => ProgramSettingsJson.Copy(s)))
            .HasColumnName("SettingsJson")
            .IsRequired();
    }
}
