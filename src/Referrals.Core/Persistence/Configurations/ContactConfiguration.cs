using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Contacts;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.FirstName).HasMaxLength(Lengths.Name);
        builder.Property(c => c.LastName).HasMaxLength(Lengths.Name);
        builder.Property(c => c.Email).HasMaxLength(Lengths.Email);
        builder.Property(c => c.NormalizedEmail).HasMaxLength(Lengths.Email);
        builder.Property(c => c.Phone).HasMaxLength(Lengths.Short);
        builder.Property(c => c.NormalizedPhone).HasMaxLength(Lengths.Short);
        builder.Property(c => c.AddressFingerprint).HasMaxLength(64);
        builder.Property(c => c.PostalAddress).HasMaxLength(Lengths.Reason);
        builder.Property(c => c.LastIpAddress).HasMaxLength(Lengths.Short);
        builder.Property(c => c.LastUserAgent).HasMaxLength(Lengths.Reason);
        builder.Property(c => c.CauseId).HasMaxLength(Lengths.Short);
        builder.HasIndex(c => new { c.TenantId, c.NormalizedEmail });
        // Best customers first: the ask planner and the advocate list sort by this.
        builder.HasIndex(c => new { c.TenantId, c.BestCustomerScore });
        builder.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
