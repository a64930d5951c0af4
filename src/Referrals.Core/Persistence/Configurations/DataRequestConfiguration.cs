using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Privacy;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public void Configure(EntityTypeBuilder<DataRequest> builder)
    {
        builder.ToTable("DataRequests");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RequestId).HasMaxLength(DataRequest.MaxReferenceLength).IsRequired();
        builder.Property(x => x.CustomerRef).HasMaxLength(DataRequest.MaxReferenceLength);
        // Encrypted JSON of a whole export: unbounded.
        builder.Property(x => x.ProtectedExport).IsRequired();
        builder.HasIndex(x => new { x.TenantId, x.RequestId });
        builder.HasIndex(x => new { x.TenantId, x.ReceivedAt });
    }
}
