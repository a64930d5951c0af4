using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Referrals;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class FriendSuppressionConfiguration : IEntityTypeConfiguration<FriendSuppression>
{
    public void Configure(EntityTypeBuilder<FriendSuppression> builder)
    {
        builder.ToTable("FriendSuppressions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.EmailHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(x => new { x.TenantId, x.EmailHash }).IsUnique();
    }
}
