using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Analytics;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class AnalyticsRevenueHourConfiguration : IEntityTypeConfiguration<AnalyticsRevenueHour>
{
    public void Configure(EntityTypeBuilder<AnalyticsRevenueHour> builder)
    {
        builder.ToTable("AnalyticsRevenueHours");
        builder.HasKey(x => new { x.TenantId, x.Hour, x.Currency });
        builder.Property(x => x.Currency).HasMaxLength(Lengths.Currency);
    }
}
