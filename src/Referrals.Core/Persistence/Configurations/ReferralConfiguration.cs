using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Referrals;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("Referrals");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.FriendName).HasMaxLength(Lengths.Name);
        builder.Property(x => x.FriendEmail).HasMaxLength(Lengths.Email);
        builder.Property(x => x.FriendNormalizedEmail).HasMaxLength(Lengths.Email);
        builder.Property(x => x.IntroductionNote).HasMaxLength(Engine.Introductions.MaxNoteLength);
        builder.Property(x => x.AttributionRule).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Reason).HasMaxLength(Lengths.Reason);
        builder.Property(x => x.ConvertingOrderId).HasMaxLength(Lengths.ExternalId);
        builder.Property(x => x.Currency).HasMaxLength(Lengths.Currency).IsRequired();
        builder.Ignore(x => x.TouchedAt);
        builder.Ignore(x => x.IsOpen);

        // One order converts at most one referral, whatever the delivery order of events.
        builder.HasIndex(x => new { x.TenantId, x.ConvertingOrderId }).IsUnique();
        // Analytics: funnel by state and week, top advocates, trees.
        builder.HasIndex(x => new { x.TenantId, x.State, x.ConvertedAt });
        // Analytics (ReferralAnalytics), each covering its queries so they read no table rows: referrals started
        // (funnel, K-factor: each advocate's previous start makes the distinct count a range count), first visits, and
        // conversions (funnel, goal, top advocates, chains).
        builder.HasIndex(x => new { x.TenantId, x.CreatedAt, x.State, x.AdvocateContactId, x.AdvocatePreviousStartedAt });
        // First visits: only referrals that had one (a code typed at checkout brings none).
        builder.HasIndex(x => new { x.TenantId, x.VisitedAt }).HasFilter(IndexFilter.NotNull(nameof(Referral.VisitedAt)));
        builder.HasIndex(x => new { x.TenantId, x.ConvertedAt, x.State, x.AdvocateContactId, x.RootAdvocateContactId, x.Depth, x.Currency, x.Revenue });
        builder.HasIndex(x => new { x.TenantId, x.AdvocateContactId, x.State });
        // Revenue: each referred order's referral looked up by id and standing state, from the index alone (SQLite
        // chooses it over the primary key because the state is part of the join condition).
        builder.HasIndex(x => new { x.Id, x.State });
        // Velocity checks count an advocate's conversions in a recent window, from the index alone: with the state in
        // it, SQLite's planner prefers it to the tenant-wide ConvertedAt index above (all of the tenant's conversions).
        builder.HasIndex(x => new { x.TenantId, x.AdvocateContactId, x.ConvertedAt, x.State });
        // A new referral's advocate's latest start (AdvocatePreviousStarts), one seek per advocate.
        builder.HasIndex(x => new { x.TenantId, x.AdvocateContactId, x.CreatedAt });
        builder.HasIndex(x => new { x.TenantId, x.RootAdvocateContactId });
        builder.HasIndex(x => new { x.TenantId, x.FriendNormalizedEmail });
        builder.HasIndex(x => new { x.TenantId, x.FriendContactId });
    }
}
