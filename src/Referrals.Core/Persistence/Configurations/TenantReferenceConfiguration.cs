using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Tenants;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class TenantReferenceConfiguration : IEntityTypeConfiguration<TenantReference>
{
    public void Configure(EntityTypeBuilder<TenantReference> builder)
    {
        builder.ToTable("TenantReferences");
        builder.HasKey(x => new { x.TenantId, x.Name });
        builder.Property(x => x.Name).HasMaxLength(TenantReference.MaxNameLength).IsRequired();
        builder.Property(x => x.Value).HasMaxLength(TenantReference.MaxValueLength).IsRequired();
    }
}
