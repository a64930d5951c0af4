using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Tenants;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class TenantConnectionConfiguration : IEntityTypeConfiguration<TenantConnection>
{
    // Data Protection cipher text of a token is a few hundred characters; leave room for longer tokens and keys.
    private const int Protected = 4000;

    public void Configure(EntityTypeBuilder<TenantConnection> builder)
    {
        builder.ToTable("TenantConnections");
        builder.HasKey(x => x.TenantId);
        builder.Property(x => x.TenantId).ValueGeneratedNever();
        builder.Property(x => x.TenantKey).HasMaxLength(Lengths.Key).IsRequired();
        builder.HasIndex(x => x.TenantKey).IsUnique();
        builder.Property(x => x.StatusReason).HasMaxLength(Lengths.Reason);
        builder.Property(x => x.ProtectedAccessToken).HasMaxLength(Protected).IsRequired();
        builder.Property(x => x.ProtectedRefreshToken).HasMaxLength(Protected);
        builder.Property(x => x.ProtectedApiSecret).HasMaxLength(Protected);
        builder.Property(x => x.GrantedScopes).HasMaxLength(Lengths.Reason).IsRequired();
    }
}
