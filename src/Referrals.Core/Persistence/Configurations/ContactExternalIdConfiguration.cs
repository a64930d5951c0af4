using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Contacts;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class ContactExternalIdConfiguration : IEntityTypeConfiguration<ContactExternalId>
{
    public void Configure(EntityTypeBuilder<ContactExternalId> builder)
    {
        builder.ToTable("ContactExternalIds");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.System).HasMaxLength(Lengths.Short).IsRequired();
        builder.Property(x => x.Value).HasMaxLength(Lengths.ExternalId).IsRequired();
        builder.HasIndex(x => new { x.TenantId, x.System, x.Value }).IsUnique();
        builder.HasIndex(x => x.ContactId);
        builder.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
