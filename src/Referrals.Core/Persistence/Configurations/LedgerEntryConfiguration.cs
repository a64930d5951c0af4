using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Rewards;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.BeneficiaryKey).HasMaxLength(Lengths.Short + 20).IsRequired();
        builder.Property(x => x.CauseId).HasMaxLength(Lengths.Short);
        builder.Property(x => x.OrderId).HasMaxLength(Lengths.ExternalId).IsRequired();
        builder.Property(x => x.SourceEventId).HasMaxLength(Lengths.ExternalId).IsRequired();
        builder.Property(x => x.Currency).HasMaxLength(Lengths.Currency).IsRequired();
        builder.Property(x => x.ExternalRef).HasMaxLength(Lengths.Key);
        builder.Property(x => x.Note).HasMaxLength(Lengths.Reason);
        builder.Ignore(x => x.Money);

        // The idempotency key: (tenant, order, beneficiary, kind of entry, and the refund for claw-backs).
        builder.HasIndex(x => new { x.TenantId, x.OrderId, x.BeneficiaryKey, x.Type, x.SourceEventId }).IsUnique();
        // Maturation scans pending rewards whose hold has ended.
        builder.HasIndex(x => new { x.State, x.HoldUntil });
        builder.HasIndex(x => new { x.TenantId, x.BeneficiaryKey });
        builder.HasIndex(x => new { x.TenantId, x.ReferralId });
        // Covering for ReferralAnalytics' reward cost by currency, type and state.
        builder.HasIndex(x => new { x.TenantId, x.CreatedAt, x.Currency, x.Type, x.State, x.Amount });
    }
}
