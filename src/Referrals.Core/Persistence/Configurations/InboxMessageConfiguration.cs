using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Source).HasMaxLength(Lengths.Short).IsRequired();
        builder.Property(x => x.DeliveryId).HasMaxLength(Lengths.ExternalId).IsRequired();
        builder.Property(x => x.EventId).HasMaxLength(Lengths.ExternalId);
        builder.Property(x => x.Topic).HasMaxLength(Lengths.Short + 14).IsRequired();
        builder.Property(x => x.TenantKey).HasMaxLength(Lengths.Key).IsRequired();
        builder.Property(x => x.LastError).HasMaxLength(4000);
        builder.HasIndex(x => new { x.Source, x.DeliveryId }).IsUnique();
        builder.HasIndex(x => new { x.Source, x.EventId, x.Topic });
        PendingQueueIndex.Configure(builder, "InboxMessages");
    }
}
