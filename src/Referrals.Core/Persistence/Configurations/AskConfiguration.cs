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
        // The planner's look-ups of a contact's asks (AskHistory): whether one is still scheduled, and when one was last
        // sent. Each holds only the asks it answers for, so a contact's skipped asks (every order of a buyer with no
        // consent plans one) are in neither, and a frequent buyer's hundreds of asks cost one seek, not a walk.
        builder.HasIndex(x => new { x.TenantId, x.ContactId }).HasFilter(IndexFilter.Is(nameof(Ask.State), AskState.Scheduled))
            .HasDatabaseName("IX_Asks_TenantId_ContactId_Scheduled");
        builder.HasIndex(x => new { x.TenantId, x.ContactId, x.SentAt }).HasFilter(IndexFilter.NotNull(nameof(Ask.SentAt)));
        // The dispatch job scans scheduled asks that are due: only those, so a skipped, sent or cancelled ask leaves it.
        builder.HasIndex(x => x.DueAt).HasFilter(IndexFilter.Is(nameof(Ask.State), AskState.Scheduled)).HasDatabaseName("IX_Asks_Scheduled_DueAt");
        // Analytics (ReferralAnalytics): the funnel's ask steps count by week over these times; the score makes the
        // answers' index covering for the NPS. The sent and answered ones hold an ask only once it is sent or answered.
        builder.HasIndex(x => new { x.TenantId, x.CreatedAt });
        builder.HasIndex(x => new { x.TenantId, x.SentAt }).HasFilter(IndexFilter.NotNull(nameof(Ask.SentAt)));
        builder.HasIndex(x => new { x.TenantId, x.AnsweredAt, x.Score }).HasFilter(IndexFilter.NotNull(nameof(Ask.AnsweredAt)));
    }
}
