using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Tenants;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web);

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
                s => JsonSerializer.Serialize(s, SettingsJson),
                s => JsonSerializer.Deserialize<ProgramSettings>(s, SettingsJson) ?? new ProgramSettings(),
                new ValueComparer<ProgramSettings>(
                    (a, b) => JsonSerializer.Serialize(a, SettingsJson) == JsonSerializer.Serialize(b, SettingsJson),
                    s => JsonSerializer.Serialize(s, SettingsJson).GetHashCode(StringComparison.Ordinal),
                    s => JsonSerializer.Deserialize<ProgramSettings>(JsonSerializer.Serialize(s, SettingsJson), SettingsJson)!))
            .HasColumnName("SettingsJson")
            .IsRequired();
    }
}
