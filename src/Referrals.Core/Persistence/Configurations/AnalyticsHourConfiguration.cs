using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Analytics;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class AnalyticsHourConfiguration : IEntityTypeConfiguration<AnalyticsHour>
{
    public void Configure(EntityTypeBuilder<AnalyticsHour> builder)
    {
        builder.ToTable("AnalyticsHours");
        // The key is the overview's range: one tenant, hours in order.
        builder.HasKey(x => new { x.TenantId, x.Hour });
    }
}
