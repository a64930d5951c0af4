using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Kind).HasMaxLength(Lengths.Short).IsRequired();
        builder.Property(x => x.IdempotencyKey).HasMaxLength(Lengths.Key).IsRequired();
        builder.Property(x => x.ExternalRef).HasMaxLength(Lengths.Key);
        builder.Property(x => x.LastError).HasMaxLength(4000);
        builder.HasIndex(x => x.IdempotencyKey).IsUnique();
        PendingQueueIndex.Configure(builder, "OutboxMessages");
        builder.HasIndex(x => new { x.TenantId, x.Kind });
    }
}
