using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Orders;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class OrderRefundConfiguration : IEntityTypeConfiguration<OrderRefund>
{
    public void Configure(EntityTypeBuilder<OrderRefund> builder)
    {
        builder.ToTable("OrderRefunds");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.OrderExternalId).HasMaxLength(Lengths.ExternalId).IsRequired();
        builder.Property(x => x.RefundId).HasMaxLength(Lengths.ExternalId).IsRequired();
        builder.Property(x => x.Currency).HasMaxLength(Lengths.Currency).IsRequired();
        builder.HasIndex(x => new { x.TenantId, x.OrderExternalId, x.RefundId }).IsUnique();
    }
}
