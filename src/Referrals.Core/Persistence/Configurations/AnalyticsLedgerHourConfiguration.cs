using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referrals.Core.Analytics;

namespace Referrals.Core.Persistence.Configurations;

internal sealed class AnalyticsLedgerHourConfiguration : IEntityTypeConfiguration<AnalyticsLedgerHour>
{
    public void Configure(EntityTypeBuilder<AnalyticsLedgerHour> builder)
    {
        builder.ToTable("AnalyticsLedgerHours");
        builder.HasKey(x => new { x.TenantId, x.Hour, x.Currency, x.Type, x.State });
        builder.Property(x => x.Currency).HasMaxLength(Lengths.Currency);
    }
}
