using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Contacts;
using Referrals.Core.Referrals;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class ReferralCodeConfiguration : IEntityTypeConfiguration<ReferralCode>
{
    public void Configure(EntityTypeBuilder<ReferralCode> builder)
    {
        builder.ToTable("ReferralCodes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Display).HasMaxLength(Lengths.Code).IsRequired();
        builder.Property(x => x.LookupKey).HasMaxLength(Lengths.Code).IsRequired();
        builder.HasIndex(x => new { x.TenantId, x.LookupKey }).IsUnique();
        builder.HasIndex(x => new { x.TenantId, x.AdvocateContactId });
        builder.HasOne<Contact>().WithMany().HasForeignKey(x => x.AdvocateContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
