using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Review;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> builder)
    {
        builder.ToTable("ReviewItems");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Reasons).HasMaxLength(Lengths.Reason).IsRequired();
        builder.Property(x => x.DecidedBy).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Note).HasMaxLength(Lengths.Reason);
        builder.HasIndex(x => x.ReferralId).IsUnique();
        builder.HasIndex(x => new { x.Status, x.Deadline });
        builder.HasIndex(x => new { x.TenantId, x.Status });
    }
}
