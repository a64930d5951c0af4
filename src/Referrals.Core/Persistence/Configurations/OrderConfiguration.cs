using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Orders;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ExternalId).HasMaxLength(Lengths.ExternalId).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Currency).HasMaxLength(Lengths.Currency).IsRequired();
        builder.Ignore(x => x.IsVoid);
        builder.HasIndex(x => new { x.TenantId, x.ExternalId }).IsUnique();
        // Analytics: revenue by week, referral share of all revenue.
        // Covering for ReferralAnalytics' revenue sums, so they read no table rows.
        builder.HasIndex(x => new { x.TenantId, x.PaidAt, x.CancelledAt, x.Currency, x.ReferralId, x.Total, x.RefundedAmount });
        builder.HasIndex(x => new { x.TenantId, x.ContactId });
        // The analytics rollups move a referral's orders when the referral stops or starts standing: only referred
        // orders, so the others (most of them) write no entry.
        builder.HasIndex(x => new { x.TenantId, x.ReferralId }).HasFilter(IndexFilter.NotNull(nameof(Order.ReferralId)));
    }
}
