using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Asks;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class AskConfiguration : IEntityTypeConfiguration<Ask>
{
    public void Configure(EntityTypeBuilder<Ask> builder)
    {
        builder.ToTable("Asks");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.SourceKey).HasMaxLength(Lengths.ExternalId).IsRequired();

        // The idempotency key: one ask per event per contact.
        builder.HasIndex(x => new { x.TenantId, x.ContactId, x.Trigger, x.SourceKey }).IsUnique();
        // The dispatch job scans scheduled asks that are due.
        builder.HasIndex(x => new { x.State, x.DueAt });
        // The planner looks up a contact's open and last-sent asks.
        builder.HasIndex(x => new { x.TenantId, x.ContactId, x.State });
        // Analytics (ReferralAnalytics): the funnel's ask steps count by week over these times; the score makes the
        // answers' index covering for the NPS.
        builder.HasIndex(x => new { x.TenantId, x.CreatedAt });
        builder.HasIndex(x => new { x.TenantId, x.SentAt });
        builder.HasIndex(x => new { x.TenantId, x.AnsweredAt, x.Score });
    }
}
