using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Thanks;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class StaffTaskConfiguration : IEntityTypeConfiguration<StaffTask>
{
    public void Configure(EntityTypeBuilder<StaffTask> builder)
    {
        builder.ToTable("StaffTasks");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.SourceKey).HasMaxLength(Lengths.Key).IsRequired();
        builder.Property(x => x.SuggestedMessage).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.PostalAddress).HasMaxLength(Lengths.Reason);
        builder.Property(x => x.ReferralLink).HasMaxLength(2048);
        builder.Property(x => x.DoneBy).HasMaxLength(Lengths.Name);

        // The idempotency key: one task per event.
        builder.HasIndex(x => new { x.TenantId, x.Kind, x.SourceKey }).IsUnique();
        // The open-task list, soonest due first.
        builder.HasIndex(x => new { x.TenantId, x.State, x.DueAt });
    }
}
