using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Audit;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Actor).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(x => x.Action).HasMaxLength(Lengths.Short + 14).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(Lengths.Key).IsRequired();
        builder.Property(x => x.Details).HasMaxLength(4000);
        builder.HasIndex(x => new { x.TenantId, x.At });
        // The store-credit issuer reads a key's last record before every payout; without it that read walks the
        // tenant's whole log, which grows with every payout.
        builder.HasIndex(x => new { x.TenantId, x.Subject });
    }
}
